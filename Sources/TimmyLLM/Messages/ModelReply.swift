/// What a model answered to one request, assembled from its streamed chunks.
public struct ModelReply: Sendable, Equatable {
    public var content: String
    public var toolCalls: [ModelToolCall]
    /// Why it stopped (`stop`, `length`, `tool_calls`), as the server said.
    public var doneReason: String?
    public var promptTokens: Int?
    public var completionTokens: Int?

    public init(
        content: String = "", toolCalls: [ModelToolCall] = [], doneReason: String? = nil, promptTokens: Int? = nil, completionTokens: Int? = nil
    ) {
        self.content = content
        self.toolCalls = toolCalls
        self.doneReason = doneReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}
