import Foundation
import TimmyAPI
import TimmyCore
import TimmyLLM
import TimmySpark
import TimmyStore

extension TimmyRuntime {
    /// What `/chat` and `timmy chat` say while no model is configured.
    static let configureHint =
        "No language model is configured, so Timmy cannot chat yet. Set llm_provider to ollama (or openai for any OpenAI-compatible server), "
        + "llm_url to the server (Ollama listens on http://127.0.0.1:11434) and llm_model to a model it serves, in timmy.toml or as "
        + "TIMMY_LLM_PROVIDER, TIMMY_LLM_URL and TIMMY_LLM_MODEL; an API key goes only in the TIMMY_LLM_API_KEY environment variable."

    public var chatModel: ChatModelView {
        guard let llm else { return ChatModelView(configured: false, provider: nil, model: nil, url: nil, hint: Self.configureHint) }
        return ChatModelView(configured: true, provider: llm.provider.rawValue, model: llm.model, url: Credentials.redact(llm.url), hint: nil)
    }

    public func chatHistory(conversation: String?, limit: Int) async throws -> ChatHistory {
        guard (1...500).contains(limit) else { throw ServiceError.invalid(field: "limit", message: "limit must be between 1 and 500, got \(limit)") }
        let id: String? =
            if let conversation { try ChatInputRule.conversation(conversation) } else { try await store.latestConversation() }
        var messages: [ChatMessageRecord] = []
        if let id { messages = try await store.chatMessages(conversation: id, limit: limit) }
        return ChatHistory(conversation: id, messages: messages.map(ChatMessageView.init), model: chatModel)
    }

    public func chat(_ message: String, conversation: String?) async throws -> AsyncThrowingStream<ChatEvent, any Error> {
        let text = try ChatInputRule.message(message)
        let id = try conversation.map { try ChatInputRule.conversation($0) } ?? UUID().uuidString.lowercased()
        // A conflict (409), not unavailable (503): nothing is down, the server is configured without a model.
        guard let llm else { throw ServiceError.conflict(Self.configureHint) }
        let turn = ChatTurn(store: store, swarm: swarm, model: llm.client(), maxSteps: llm.maxSteps, conversation: id)
        return AsyncThrowingStream(bufferingPolicy: .unbounded) { events in
            let work = Task {
                do {
                    try await turn.run(text, events: events)
                    events.finish()
                } catch {
                    events.finish(throwing: error)
                }
            }
            events.onTermination = { _ in work.cancel() }
        }
    }

    public func modelReport() async throws -> ModelReport {
        let planners = try await store.plannerOutcomes().map { sample in
            let tasks = sample.completed + sample.failed
            return PlannerRate(
                planner: sample.planner, tasks: tasks, completed: sample.completed,
                successRate: tasks == 0 ? nil : Double(sample.completed) / Double(tasks))
        }
        let models = try await store.modelUsage().map { sample in
            ModelUsage(
                provider: sample.provider, model: sample.model, calls: sample.calls, failures: sample.failures,
                medianMs: Statistics.median(sample.durations), p95Ms: Statistics.percentile(sample.durations, 95), tokenSamples: sample.counted,
                averagePromptTokens: sample.counted == 0 ? nil : Double(sample.promptTokens) / Double(sample.counted),
                averageCompletionTokens: sample.counted == 0 ? nil : Double(sample.completionTokens) / Double(sample.counted))
        }
        return ModelReport(planners: planners, models: models)
    }
}
