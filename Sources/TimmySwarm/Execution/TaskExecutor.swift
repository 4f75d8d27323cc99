import Foundation
import TimmyCore
import TimmyStore

/// Runs a won task: marks it running, executes its planned tool calls in order, and reports the
/// outcome built from their outputs. The first failing call fails the task with that call's error.
struct TaskExecutor: Sendable {
    let invoker: ToolInvoker
    let store: Store
    /// Runs the calls of queued tools (image, music, video) as jobs the task waits for.
    let jobs: JobRunner

    func execute(_ task: TaskRecord, as persona: String) async -> TaskOutcome {
        do {
            try await store.markRunning(task: task.id)
            var sections: [String] = []
            for call in task.plan {
                let output: (summary: String, text: String)
                if invoker.registry.tool(named: call.tool) is any QueuedTool {
                    let queued = try await jobs.submit(tool: call.tool, persona: persona, arguments: call.arguments, taskID: task.id)
                    let job = try await jobs.wait(for: queued.id)
                    guard job.status == .done, let result = job.result else {
                        return .failed("\(call.tool) \(job.status.rawValue): \(job.error ?? "no result") (job \(job.id))")
                    }
                    output = (result["summary"]?.stringValue ?? "", result["text"]?.stringValue ?? "")
                } else {
                    let invocation = try await invoker.invoke(tool: call.tool, persona: persona, arguments: call.arguments, taskID: task.id)
                    guard let result = invocation.result else {
                        return .failed("\(call.tool) failed: \(invocation.record.error ?? "unknown error")")
                    }
                    output = (result.summary, result.text)
                }
                sections.append(task.plan.count == 1 ? output.text : "## \(call.tool): \(output.summary)\n\(output.text)")
            }
            return .completed(sections.joined(separator: "\n\n"))
        } catch {
            return .failed("\(error)")
        }
    }
}
