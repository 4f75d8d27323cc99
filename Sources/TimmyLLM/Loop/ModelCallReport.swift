import TimmyCore

/// One call of a model as it is recorded: which model, what for, how long, how many tokens.
public struct ModelCallReport: Sendable, Equatable {
    public let provider: LLMProvider
    public let model: String
    /// What the call served: `plan`, `chat` or `script`.
    public let purpose: String
    /// Its place among the calls of one task or turn, from 1.
    public let step: Int
    public let success: Bool
    public let error: String?
    public let doneReason: String?
    public let promptTokens: Int?
    public let completionTokens: Int?
    public let durationMs: Double
    /// The tools the reply asked to call, in order.
    public let toolCalls: [String]

    public init(
        provider: LLMProvider, model: String, purpose: String, step: Int, success: Bool, error: String?, doneReason: String?,
        promptTokens: Int?, completionTokens: Int?, durationMs: Double, toolCalls: [String]
    ) {
        self.provider = provider
        self.model = model
        self.purpose = purpose
        self.step = step
        self.success = success
        self.error = error
        self.doneReason = doneReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.durationMs = durationMs
        self.toolCalls = toolCalls
    }
}

extension LanguageModel {
    /// Calls the model and times the call: the reply (or why there is none) and the report to record.
    public func timedCall(
        _ messages: [ChatMessage], tools: [ToolSpec], purpose: String, step: Int, onText: @Sendable (String) async -> Void = { _ in }
    ) async -> (reply: Result<ModelReply, LLMError>, report: ModelCallReport) {
        let started = ContinuousClock.now
        let reply: Result<ModelReply, LLMError>
        do throws(LLMError) {
            reply = .success(try await complete(messages, tools: tools, onText: onText))
        } catch {
            reply = .failure(error)
        }
        let elapsed = ContinuousClock.now - started
        let answer = try? reply.get()
        let report = ModelCallReport(
            provider: provider, model: model, purpose: purpose, step: step, success: answer != nil,
            error: reply.failure?.description, doneReason: answer?.doneReason, promptTokens: answer?.promptTokens,
            completionTokens: answer?.completionTokens, durationMs: elapsed.milliseconds, toolCalls: answer?.toolCalls.map(\.name) ?? [])
        return (reply, report)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
