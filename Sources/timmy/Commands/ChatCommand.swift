import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore

/// `timmy chat`: talk with Timmy in the terminal, the answer streaming as it is written.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat", abstract: "Talk with Timmy; it answers with the configured language model and can post tasks to the swarm.",
        discussion: """
            With a message, sends it and prints the answer; without one, reads a message a line until end of
            input or /quit. The conversation is kept in the store: --conversation continues one, --history shows it.
            Examples:
              timmy chat "what can you do?"
              timmy chat --conversation 3f2a… "and the readme?"
              timmy chat --history
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The message; leave it out to chat line by line.")
    var message: String?

    @Option(help: "The conversation to continue (its id); a new one by default.")
    var conversation: String?

    @Flag(help: "Print the conversation (the latest, or --conversation) instead of sending anything.")
    var history = false

    func validate() throws {
        do throws(ServiceError) {
            if let message { _ = try ChatInputRule.message(message) }
            if let conversation { _ = try ChatInputRule.conversation(conversation) }
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let (message, history, json, start) = (self.message, self.history, options.json, self.conversation)
        try await ServiceConnector.with(options, runsSwarm: !history) { service in
            var conversation = start
            if history {
                let shown = try await service.chatHistory(conversation: conversation, limit: 500)
                return json ? Output.json(shown) : ChatPrinter.history(shown)
            }
            let model = try await service.chatHistory(conversation: nil, limit: 1).model
            guard model.configured else { throw ServiceError.unavailable(model.hint ?? "no language model is configured") }
            if let message {
                _ = try await ChatPrinter.turn(message, conversation: conversation, on: service, json: json)
                return
            }
            ChatPrinter.write("Chatting with \(model.model ?? "the model"). End with /quit or end of input.\n")
            while true {
                ChatPrinter.write("you> ")
                guard let line = readLine() else { break }
                let text = line.trimmingCharacters(in: .whitespaces)
                if text == "/quit" { break }
                if text.isEmpty { continue }
                do {
                    conversation = try await ChatPrinter.turn(text, conversation: conversation, on: service, json: json)
                } catch let error as ServiceError {
                    guard case .invalid = error else { throw error }
                    Output.error(error.description)
                }
            }
        }
    }
}

/// Prints chat turns and conversations.
enum ChatPrinter {
    /// Sends one message, printing the answer as it streams; returns the conversation it went to.
    static func turn(_ message: String, conversation: String?, on service: any TimmyService, json: Bool) async throws -> String? {
        var id = conversation
        if !json { write("timmy> ") }
        for try await event in try await service.chat(message, conversation: conversation) {
            if json {
                Output.json(event)
                continue
            }
            switch event.kind {
            case .delta: write(event.text ?? "")
            case .task: write("\n  [task \(event.taskId.map { String($0.prefix(8)) } ?? "")] \(event.text ?? "")\n")
            case .message:
                id = event.message?.conversationId
                write("\n")
            }
        }
        return id
    }

    /// Writes at once, unbuffered, so each piece of the answer shows as it arrives.
    static func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

    static func history(_ history: ChatHistory) {
        guard let conversation = history.conversation else { return print("No conversations yet.") }
        print("Conversation \(conversation)")
        for message in history.messages {
            let task = message.taskId.map { " (task \($0.prefix(8)))" } ?? ""
            print("\(Output.date(message.createdAt)) \(message.role == "user" ? "you" : "timmy")\(task): \(message.content)")
        }
    }
}
