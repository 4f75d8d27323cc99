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
struct TaskExecutor: Sendable {
    let invoker: ToolInvoker
    let store: Store

    func execute(_ task: TaskRecord, plan: [PlannedCall], as persona: String) async -> Execution {
        do {
            try await store.markRunning(task: task.id)
            var sections: [String] = []
            for (index, call) in plan.enumerated() {
                let invocation = try await invoker.perform(tool: call.tool, persona: persona, arguments: call.arguments, taskID: task.id)
                guard let result = invocation.result else {
                    let reason = "\(call.tool) failed: \(invocation.record.error ?? "unknown error")"
                    return Execution(outcome: .failed(reason), finalCall: invocation.record)
                }
                sections.append(plan.count == 1 ? result.text : "## \(call.tool): \(result.summary)\n\(result.text)")
                if index == plan.count - 1 {
                    return Execution(outcome: .completed(sections.joined(separator: "\n\n")), finalCall: invocation.record)
                }
                try await store.recordToolCall(invocation.record)
            }
            return Execution(outcome: .failed("the plan has no tool calls"), finalCall: nil)
        } catch {
            return Execution(outcome: .failed("\(error)"), finalCall: nil)
        }
    }
}
