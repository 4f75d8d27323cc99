import Foundation
import TimmyCore
import TimmyStore

/// Runs a won task: marks it running, executes its planned tool calls in order, and reports the
/// outcome built from their outputs. The first failing call fails the task with that call's error.
struct TaskExecutor: Sendable {
    let invoker: ToolInvoker
    let store: Store

    func execute(_ task: TaskRecord, as persona: String) async -> TaskOutcome {
        do {
            try await store.markRunning(task: task.id)
            var sections: [String] = []
            for call in task.plan {
                let invocation = try await invoker.invoke(tool: call.tool, persona: persona, arguments: call.arguments, taskID: task.id)
                guard let result = invocation.result else {
                    return .failed("\(call.tool) failed: \(invocation.record.error ?? "unknown error")")
                }
                sections.append(task.plan.count == 1 ? result.text : "## \(call.tool): \(result.summary)\n\(result.text)")
            }
            return .completed(sections.joined(separator: "\n\n"))
        } catch {
            return .failed("\(error)")
        }
    }
}
