import Foundation
import TimmyCore
import TimmyDirector
import TimmyStore

/// The Director's steps run by the swarm: a queued tool as a job in the job queue (recorded as a
/// job, a tool call, assets and events, in the backend's lane), any other tool through the
/// invoker, recorded as a call.
struct SwarmStepRunner: StepRunner {
    let jobs: JobRunner
    let invoker: ToolInvoker
    let store: Store

    func run(_ call: StepCall, resuming job: String?, started: @escaping @Sendable (String) async throws -> Void) async throws -> StepResult {
        guard invoker.registry.tool(named: call.tool) is any QueuedTool else { return try await runAtOnce(call) }
        let id = try await jobID(call, resuming: job, started: started)
        let finished = try await jobs.wait(for: id)
        switch finished.status {
        case .done: break
        // Stopped by a shutdown: the step is interrupted, not failed, and `resume` retries the job.
        case .interrupted: throw CancellationError()
        default:
            throw DirectorError.failed("\(call.tool) \(finished.status.rawValue): \(finished.error ?? "no reason recorded") (job \(id))")
        }
        let assets = try await store.assets(job: id).map {
            StepAsset(id: $0.id, kind: $0.kind, path: $0.path, sidecarPath: $0.sidecarPath, seed: $0.seed)
        }
        return StepResult(
            jobID: id, summary: finished.result?["summary"]?.stringValue ?? "", data: finished.result?["data"] ?? .null, assets: assets)
    }

    /// The job to wait for: the one given when it can still end well (queued, running, done, or
    /// retried from failed or interrupted with its seed kept), else a new one.
    private func jobID(_ call: StepCall, resuming job: String?, started: @Sendable (String) async throws -> Void) async throws -> String {
        if let job, let existing = try await store.job(job) {
            if JobStatus.retryable.contains(existing.status) { _ = try await jobs.retry(job) }
            return job
        }
        let submitted: JobRecord
        do {
            submitted = try await jobs.submit(tool: call.tool, persona: call.persona, arguments: call.arguments, taskID: call.taskID)
        } catch let error as ToolError {
            throw DirectorError.failed("\(call.tool) refused: \(error.description)")
        }
        try await started(submitted.id)
        return submitted.id
    }

    private func runAtOnce(_ call: StepCall) async throws -> StepResult {
        let invocation: ToolInvocation
        do {
            invocation = try await invoker.invoke(tool: call.tool, persona: call.persona, arguments: call.arguments, taskID: call.taskID)
        } catch let error as ToolError {
            throw DirectorError.failed("\(call.tool) refused: \(error.description)")
        }
        guard let result = invocation.result else {
            throw DirectorError.failed("\(call.tool) failed: \(invocation.record.error ?? "no reason recorded")")
        }
        let assets = result.assets.map { StepAsset(id: $0.id, kind: $0.kind, path: $0.path, sidecarPath: $0.sidecarPath, seed: $0.seed) }
        return StepResult(jobID: nil, summary: result.summary, data: result.data, assets: assets)
    }
}
