import TimmyCore

/// One message of a conversation with a model, in the shape both wire formats share.
public struct ChatMessage: Sendable, Equatable {
    public enum Role: String, Sendable, Codable {
        case system, user, assistant, tool
    }

    public let role: Role
    public let content: String
    /// The calls an assistant message asked for.
    public let toolCalls: [ModelToolCall]
    /// For a tool message: the call it answers.
    public let answering: ModelToolCall?

    public init(role: Role, content: String, toolCalls: [ModelToolCall] = [], answering: ModelToolCall? = nil) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.answering = answering
    }

    public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, content: text) }
    public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, content: text) }
    public static func assistant(_ text: String, calls: [ModelToolCall] = []) -> ChatMessage {
        ChatMessage(role: .assistant, content: text, toolCalls: calls)
    }

    /// The result of a call, sent back to the model.
    public static func tool(_ call: ModelToolCall, _ text: String) -> ChatMessage {
        ChatMessage(role: .tool, content: text, answering: call)
    }
}
