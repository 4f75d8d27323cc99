import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

/// Runs a creative tool as a job and follows it to the end, drawing its progress, wherever the
/// work happens (a running server, or this process).
enum JobFollower {
    /// Submits the call, waits for the job, prints its result; exits 1 unless it is done.
    static func run(_ tool: String, persona: String, arguments: [String: JSONValue], options: GlobalOptions) async throws {
        let detail = try await ServiceConnector.with(options, runsSwarm: true) { service in
            let response = try await service.runTool(tool, persona: persona, arguments: arguments)
            guard let job = response.job else { throw CommandFailure(ServiceError.failed("\(tool) did not start a job")) }
            return try await follow(job.job.id, on: service)
        }
        print(detail, json: options.json)
        if detail.job.status != .done { throw ExitCode(1) }
    }

    /// Follows the job's `job_progress` events until it finishes, drawing progress on standard error.
    static func follow(_ id: String, on service: any TimmyService) async throws -> JobDetail {
        var bar = ProgressBar()
        defer { bar.finish() }
        // Subscribed before the job is read, so a change in between is not missed.
        let events = try await service.events(after: nil)
        let first = try await service.job(id)
        bar.update(first.job.progress, first.job.message)
        if first.job.status.isFinished { return first }
        for try await event in events where event.type == SparkEventType.jobProgress.rawValue && event.data["job_id"]?.stringValue == id {
            bar.update(event.data["progress"]?.doubleValue ?? 0, event.data["message"]?.stringValue ?? "")
            if let status = event.data["status"]?.stringValue.flatMap(JobStatus.init), status.isFinished { break }
        }
        return try await service.job(id)
    }

    static func print(_ detail: JobDetail, json: Bool) {
        if json {
            Output.json(detail)
        } else {
            let job = detail.job
            Swift.print("Job \(job.id): \(job.status.rawValue) (\(job.tool) by \(job.persona) on \(job.backend))")
            if let error = job.error { Swift.print("  \(error)") }
            if let text = job.result?["text"]?.stringValue { Swift.print(text) }
        }
    }
}
