import ArgumentParser
import Foundation
import TimmyCore
import TimmyStore
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

    /// Polls the job until it finishes, drawing progress on standard error.
    static func follow(_ id: String, on service: any TimmyService) async throws -> JobDetail {
        var bar = ProgressBar()
        defer { bar.finish() }
        while true {
            let detail = try await service.job(id)
            bar.update(detail.job.progress, detail.job.message)
            if detail.job.status.isFinished { return detail }
            try await Task.sleep(for: .milliseconds(200))
        }
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
