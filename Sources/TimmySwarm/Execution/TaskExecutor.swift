import Foundation
import TimmyCore
import TimmyStore

/// How a task's execution ended, with the call that ended it, still to be stored with the outcome.
struct Execution: Sendable {
    let outcome: TaskOutcome
    let finalCall: ToolCallRecord?
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
                let output: (summary: String, text: String)
                var finalCall: ToolCallRecord?
                if invoker.registry.tool(named: call.tool) is any QueuedTool {
                    // The job queue stores the job's call itself, when the job ends.
                    let queued = try await jobs.submit(tool: call.tool, persona: persona, arguments: call.arguments, taskID: task.id)
                    let job = try await jobs.wait(for: queued.id)
                    guard job.status == .done, let result = job.result else {
                        let reason = "\(call.tool) \(job.status.rawValue): \(job.error ?? "no result") (job \(job.id))"
                        return Execution(outcome: .failed(reason), finalCall: nil)
                    }
                    output = (result["summary"]?.stringValue ?? "", result["text"]?.stringValue ?? "")
                } else {
                    let invocation = try await invoker.perform(tool: call.tool, persona: persona, arguments: call.arguments, taskID: task.id)
                    guard let result = invocation.result else {
                        let reason = "\(call.tool) failed: \(invocation.record.error ?? "unknown error")"
                        return Execution(outcome: .failed(reason), finalCall: invocation.record)
                    }
                    output = (result.summary, result.text)
                    if isLast { finalCall = invocation.record } else { try await store.recordToolCall(invocation.record) }
                }
                sections.append(plan.count == 1 ? output.text : "## \(call.tool): \(output.summary)\n\(output.text)")
                if isLast { return Execution(outcome: .completed(sections.joined(separator: "\n\n")), finalCall: finalCall) }
            }
            return Execution(outcome: .failed("the plan has no tool calls"), finalCall: nil)
        } catch {
            return Execution(outcome: .failed("\(error)"), finalCall: nil)
        }
    }
}
