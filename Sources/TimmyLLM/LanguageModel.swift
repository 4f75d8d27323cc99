import TimmyCore

/// A chat model with tool calling, streamed: text is handed to `onText` as it arrives, and the
/// whole reply, tool calls and token counts included, is returned at the end.
public protocol LanguageModel: Sendable {
    var provider: LLMProvider { get }
    var model: String { get }
    func complete(_ messages: [ChatMessage], tools: [ToolSpec], onText: @Sendable (String) async -> Void) async throws(LLMError) -> ModelReply
}
