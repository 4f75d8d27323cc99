import Foundation
import Logging
import TimmyCore
import TimmyLLM
import TimmyStore

/// Runs a won task that no rule planned: the language model plans it step by step, given only the
/// winner's toolkit, and every model call and tool call is recorded as it happens.
struct ModelTaskExecutor: Sendable {
    let calls: TaskExecutor
    let model: any LanguageModel
    let maxSteps: Int

    func execute(_ task: TaskRecord, as persona: String) async -> Execution {
        do {
            try await calls.store.markRunning(task: task.id)
        } catch {
            return Execution(outcome: .failed("\(error)"), finalCall: nil)
        }
        let registry = calls.invoker.registry
        let toolkit = registry.tools.filter { $0.allowedPersonas.contains(persona) }
        let host = TaskToolHost(calls: calls, persona: persona, taskID: task.id, offered: Set(toolkit.map(\.name)), model: model)
        let who = PersonaCatalog.persona(persona)
        let start = PlanningPrompt.messages(task: task.description, persona: who?.name ?? persona, role: who?.role ?? "an agent")
        let outcome = await ToolLoop(model: model, maxSteps: maxSteps, purpose: "plan").run(start, tools: toolkit.map(ToolSpec.init), host: host)
        switch outcome {
        case .answered(let text): return Execution(outcome: .completed(text), finalCall: nil)
        case .failed(let reason): return Execution(outcome: .failed(reason), finalCall: nil)
        }
    }
}

/// The swarm's side of a model's work on a task: checks calls against the winner's toolkit and the
/// tools' declarations, runs them through the invoker or the job queue, and stores every call.
struct TaskToolHost: ToolLoopHost {
    /// The most of a tool's output the model is shown.
    static let outputLimit = 16_000

    let calls: TaskExecutor
    let persona: String
    let taskID: String
    let offered: Set<String>
    let model: any LanguageModel

    func check(_ call: ModelToolCall) -> ToolCheck {
        let registry = calls.invoker.registry
        guard offered.contains(call.name) else {
            guard let tool = registry.tool(named: call.name) else {
                return .invalid("there is no tool named '\(call.name)'; the tools are \(offered.sorted().joined(separator: ", "))")
            }
            return .refused(
                ToolError.notInToolkit(tool: call.name, persona: persona, allowed: tool.allowedPersonas.sorted()).description)
        }
        guard let arguments = call.arguments else { return .invalid("the arguments are not a JSON object: \(call.argumentText.prefix(300))") }
        do {
            try registry.tool(named: call.name)?.check(arguments)
            return .valid
        } catch {
            return .invalid("\(error)")
        }
    }

    func refuse(_ call: ModelToolCall, reason: String) async {
        do {
            let invocation = try await calls.invoker.perform(tool: call.name, persona: persona, arguments: call.arguments ?? [:], taskID: taskID)
            try await calls.store.recordToolCall(invocation.record)
        } catch {
            calls.jobs.logger.error("could not record the refused call of \(call.name) for task \(taskID): \(error)")
        }
    }

    func run(_ call: ModelToolCall) async -> String {
        do {
            let run = try await calls.run(PlannedCall(tool: call.name, arguments: call.arguments ?? [:]), as: persona, taskID: taskID)
            if let record = run.record { try await calls.store.recordToolCall(record) }
            guard let output = run.output else { return "error: \(run.failure ?? "the call failed")" }
            let text = "\(output.summary)\n\n\(output.text)"
            return text.count > Self.outputLimit ? String(text.prefix(Self.outputLimit)) + "\n… (output cut at \(Self.outputLimit) characters)" : text
        } catch {
            return "error: \(error)"
        }
    }

    func record(_ report: ModelCallReport) async {
        let record = ModelCallRecord(report, taskID: taskID, conversationID: nil)
        do { try await calls.store.recordModelCall(record, agent: persona) } catch {
            calls.jobs.logger.error("could not record a model call for task \(taskID): \(error)")
        }
    }
}

extension ModelCallRecord {
    /// The row of a reported call; its error is redacted like every other stored text.
    init(_ report: ModelCallReport, taskID: String?, conversationID: String?) {
        self.init(
            taskId: taskID, conversationId: conversationID, purpose: report.purpose, provider: report.provider.rawValue, model: report.model,
            step: report.step, success: report.success, error: report.error.map(Credentials.redact), doneReason: report.doneReason,
            promptTokens: report.promptTokens, completionTokens: report.completionTokens, durationMs: report.durationMs,
            toolCalls: report.toolCalls, createdAt: Date())
    }
}
