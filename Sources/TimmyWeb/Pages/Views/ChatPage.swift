import Foundation
import TimmyAPI

/// `/chat`: a conversation with Timmy, its form, and which model answers (or how to configure one).
struct ChatPage {
    struct Message {
        let role: String
        let who: String
        let content: String
        let time: String
        let iso: String
        let taskHref: String?
        let taskShort: String?

        init(_ message: ChatMessageView) {
            role = message.role
            who = message.role == "user" ? "You" : "Timmy"
            content = message.content
            time = Format.time(message.createdAt)
            iso = Format.iso(message.createdAt)
            taskHref = message.taskId.map(Format.taskPath)
            taskShort = message.taskId.map(Format.shortID)
        }
    }

    /// The conversation the form continues; empty to start a new one.
    let conversation: String
    let messages: [Message]
    let hasMessages: Bool
    let configured: Bool
    let modelLine: String
    let hint: String?
    let draft: String
    let formError: String?

    init(_ service: any TimmyService, conversation: String?, fresh: Bool, draft: String = "", formError: String? = nil) async throws {
        let history: ChatHistory
        if fresh {
            history = ChatHistory(conversation: nil, messages: [], model: try await service.chatHistory(conversation: nil, limit: 1).model)
        } else {
            history = try await service.chatHistory(conversation: conversation, limit: 200)
        }
        self.conversation = history.conversation ?? ""
        messages = history.messages.map(Message.init)
        hasMessages = !messages.isEmpty
        configured = history.model.configured
        modelLine = [history.model.model, history.model.provider.map { "via \($0)" }, history.model.url.map { "at \($0)" }]
            .compactMap { $0 }.joined(separator: " ")
        hint = history.model.hint
        self.draft = draft
        self.formError = formError
    }
}
