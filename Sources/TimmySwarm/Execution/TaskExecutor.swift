import Foundation
import TimmyCore
import TimmyStore

/// How a task's execution ended, with the call that ended it, still to be stored with the outcome.
struct Execution: Sendable {
    let outcome: TaskOutcome
    let finalCall: ToolCallRecord?
}

/// How one call of a task went: its output, or why it failed, and its record when it is still to be
/// stored (a queued tool's job stores its own).
struct CallRun: Sendable {
    let output: (summary: String, text: String)?
    let failure: String?
    let record: ToolCallRecord?
}

/// Runs a won task: marks it running, executes its planned tool calls in order, and reports the
/// outcome built from their outputs. The first failing call fails the task with that call's error.
/// Every call but the last is stored as it ends; the last is stored in the same write as the outcome.
/// Calls of queued tools (image, music, video) run as jobs, and the job queue stores their calls.
struct TaskExecutor: Sendable {
    let invoker: ToolInvoker
    let store: Store
    /// Runs the calls of queued tools (image, music, video) as jobs the task waits for.
    let jobs: JobRunner

    func execute(_ task: TaskRecord, plan: [PlannedCall], as persona: String) async -> Execution {
        do {
            try await store.markRunning(task: task.id)
            var sections: [String] = []
            for (index, call) in plan.enumerated() {
                let isLast = index == plan.count - 1
                let run = try await self.run(call, as: persona, taskID: task.id)
                guard let output = run.output else { return Execution(outcome: .failed(run.failure ?? "unknown error"), finalCall: run.record) }
                var finalCall: ToolCallRecord?
                if let record = run.record {
                    if isLast { finalCall = record } else { try await store.recordToolCall(record) }
                }
                sections.append(plan.count == 1 ? output.text : "## \(call.tool): \(output.summary)\n\(output.text)")
                if isLast { return Execution(outcome: .completed(sections.joined(separator: "\n\n")), finalCall: finalCall) }
            }
            return Execution(outcome: .failed("the plan has no tool calls"), finalCall: nil)
        } catch {
            return Execution(outcome: .failed("\(error)"), finalCall: nil)
        }
    }

    /// Runs one call, a queued tool's as a job waited for; a refusal or a tool's failure is a result, not an error.
    func run(_ call: PlannedCall, as persona: String, taskID: String) async throws -> CallRun {
        if invoker.registry.tool(named: call.tool) is any QueuedTool {
            let queued = try await jobs.submit(tool: call.tool, persona: persona, arguments: call.arguments, taskID: taskID)
            let job = try await jobs.wait(for: queued.id)
            guard job.status == .done, let result = job.result else {
                return CallRun(output: nil, failure: "\(call.tool) \(job.status.rawValue): \(job.error ?? "no result") (job \(job.id))", record: nil)
            }
            return CallRun(output: (result["summary"]?.stringValue ?? "", result["text"]?.stringValue ?? ""), failure: nil, record: nil)
        }
        let invocation = try await invoker.perform(tool: call.tool, persona: persona, arguments: call.arguments, taskID: taskID)
        guard let result = invocation.result else {
            return CallRun(output: nil, failure: "\(call.tool) failed: \(invocation.record.error ?? "unknown error")", record: invocation.record)
        }
        return CallRun(output: (result.summary, result.text), failure: nil, record: invocation.record)
    }
}
