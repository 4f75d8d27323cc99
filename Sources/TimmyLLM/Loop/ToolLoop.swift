import Foundation
import TimmyCore

/// How a model's work ended: its answer, or why there is none, in words that say what happened.
public enum ToolLoopOutcome: Sendable, Equatable {
    case answered(String)
    case failed(String)
}

/// The multi-step exchange with a model: it is given the messages and the tools, each tool call it
/// makes is checked, run and its result fed back, until it answers without calling a tool, or
/// `maxSteps` model calls have been made. A malformed call gets one repair round with the error;
/// a second one, or a call of a tool it was not given, ends the work.
public struct ToolLoop: Sendable {
    let model: any LanguageModel
    let maxSteps: Int
    let purpose: String

    public init(model: any LanguageModel, maxSteps: Int, purpose: String) {
        self.model = model
        self.maxSteps = maxSteps
        self.purpose = purpose
    }

    public func run(
        _ start: [ChatMessage], tools: [ToolSpec], host: some ToolLoopHost, onText: @Sendable (String) async -> Void = { _ in }
    ) async -> ToolLoopOutcome {
        var messages = start
        var repaired = false
        var lastTools: [String] = []
        for step in 1...maxSteps {
            guard !Task.isCancelled else { return .failed(LLMError.cancelled.description) }
            let (result, report) = await model.timedCall(messages, tools: tools, purpose: purpose, step: step, onText: onText)
            await host.record(report)
            let reply: ModelReply
            switch result {
            case .success(let answer): reply = answer
            case .failure(let error): return .failed(error.description)
            }
            guard !reply.toolCalls.isEmpty else {
                let answer = reply.content.trimmingCharacters(in: .whitespacesAndNewlines)
                return answer.isEmpty
                    ? .failed("\(model.model) answered with nothing (done_reason \(reply.doneReason ?? "none"))") : .answered(answer)
            }
            lastTools = reply.toolCalls.map(\.name)
            messages.append(.assistant(reply.content, calls: reply.toolCalls))
            for call in reply.toolCalls {
                switch host.check(call) {
                case .refused(let reason):
                    await host.refuse(call, reason: reason)
                    return .failed("refused the model's call of \(call.name): \(reason)" + Self.words(reply, call))
                case .invalid(let problem):
                    guard !repaired else {
                        return .failed(
                            "the model's call of \(call.name) was still invalid after a repair round: \(problem)" + Self.words(reply, call))
                    }
                    repaired = true
                    messages.append(.tool(call, "error: the call was not run: \(problem). Call the tool again with corrected arguments."))
                case .valid:
                    messages.append(.tool(call, await host.run(call)))
                }
            }
        }
        return .failed(
            "stopped after \(maxSteps) model calls (setting llm_max_steps): the model was still calling tools (last: \(lastTools.joined(separator: ", ")))"
        )
    }

    /// What the model said with the call that ended its work.
    private static func words(_ reply: ModelReply, _ call: ModelToolCall) -> String {
        let said = reply.content.trimmingCharacters(in: .whitespacesAndNewlines)
        return said.isEmpty ? "; the model sent \(call.name)(\(call.argumentText.prefix(500)))" : "; the model said: \(said.prefix(1000))"
    }
}
