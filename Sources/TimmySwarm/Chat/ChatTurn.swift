import Foundation
import TimmyAPI
import TimmyCore
import TimmyLLM
import TimmyStore

/// One turn of a conversation with Timmy: the person's message is stored, the model answers with
/// the conversation so far, posting tasks to the swarm as it needs, and the answer is stored.
/// Everything the person should see is sent on `events` as it happens.
struct ChatTurn: Sendable {
    /// Messages of the conversation the model is given besides the new one.
    static let historyLimit = 20

    let store: Store
    let swarm: Swarm
    let model: any LanguageModel
    let maxSteps: Int
    let conversation: String

    func run(_ message: String, events: AsyncThrowingStream<ChatEvent, any Error>.Continuation) async throws {
        let history = try await store.chatMessages(conversation: conversation, limit: Self.historyLimit)
        try await store.appendChatMessage(ChatMessageRecord(conversationId: conversation, role: "user", content: message, createdAt: Date()))
        var messages: [ChatMessage] = [.system(ChatPrompt.system)]
        messages += history.map { $0.role == "user" ? ChatMessage.user($0.content) : ChatMessage.assistant($0.content) }
        messages.append(.user(message))
        let host = ChatToolHost(store: store, swarm: swarm, conversation: conversation, events: events)
        let outcome = await ToolLoop(model: model, maxSteps: maxSteps, purpose: "chat").run(messages, tools: ChatPrompt.tools, host: host) { text in
            events.yield(ChatEvent(kind: .delta, text: text))
        }
        let answer: String
        switch outcome {
        case .answered(let text): answer = text
        case .failed(let reason): answer = "I could not answer: \(reason)"
        }
        let stored = try await store.appendChatMessage(
            ChatMessageRecord(conversationId: conversation, role: "assistant", content: answer, taskId: await host.lastTask, createdAt: Date()))
        events.yield(ChatEvent(kind: .message, message: ChatMessageView(stored)))
    }
}

/// Timmy's tool in a conversation: posting a task, following it to its end, and telling the model how it went.
struct ChatToolHost: ToolLoopHost {
    let store: Store
    let swarm: Swarm
    let conversation: String
    let events: AsyncThrowingStream<ChatEvent, any Error>.Continuation
    private let posted = PostedTasks()

    init(store: Store, swarm: Swarm, conversation: String, events: AsyncThrowingStream<ChatEvent, any Error>.Continuation) {
        self.store = store
        self.swarm = swarm
        self.conversation = conversation
        self.events = events
    }

    /// The last task the turn posted.
    var lastTask: String? { get async { await posted.last } }

    func check(_ call: ModelToolCall) -> ToolCheck {
        guard call.name == ChatPrompt.postTaskTool else {
            return .invalid("there is no tool named '\(call.name)'; the only tool is \(ChatPrompt.postTaskTool)")
        }
        guard let description = call.arguments?["description"]?.stringValue else {
            return .invalid("\(ChatPrompt.postTaskTool): argument 'description' must be a string")
        }
        if case .failure(let error) = TaskDescriptionRule.validate(description) { return .invalid(error.description) }
        return .valid
    }

    func refuse(_ call: ModelToolCall, reason: String) async {}

    func run(_ call: ModelToolCall) async -> String {
        let description = call.arguments?["description"]?.stringValue ?? ""
        let progress = await store.events.subscribe()
        do {
            let task = try await swarm.post(description)
            await posted.add(task.id)
            events.yield(ChatEvent(kind: .task, text: "posted task “\(task.description)”", taskId: task.id))
            let follower = Task {
                let endings: Set = [SparkEventType.taskCompleted.rawValue, SparkEventType.taskFailed.rawValue]
                for await event in progress where event.taskId == task.id {
                    if endings.contains(event.type) { break }
                    if let step = Self.step(event) { events.yield(ChatEvent(kind: .task, text: step, taskId: task.id)) }
                }
            }
            let finished = try await swarm.wait(for: task.id)
            await follower.value
            switch finished.status {
            case .completed:
                events.yield(ChatEvent(kind: .task, text: "task completed by \(finished.winner ?? "the swarm")", taskId: task.id))
                return
                    "task \(task.id) completed by \(finished.winner ?? "the swarm"):\n\(String((finished.result ?? "").prefix(TaskToolHost.outputLimit)))"
            default:
                events.yield(ChatEvent(kind: .task, text: "task failed: \(finished.failureReason ?? "no reason recorded")", taskId: task.id))
                return "task \(task.id) failed: \(finished.failureReason ?? "no reason recorded")"
            }
        } catch {
            return "error: the task could not be posted: \(error)"
        }
    }

    func record(_ report: ModelCallReport) async {
        try? await store.recordModelCall(ModelCallRecord(report, taskID: nil, conversationID: conversation), agent: PersonaCatalog.timmy.id)
    }

    /// A line for the steps worth telling in a conversation.
    private static func step(_ event: EventRecord) -> String? {
        switch SparkEventType(rawValue: event.type) {
        case .taskAssigned: "\(event.agent ?? "an agent") won the auction"
        case .toolExecuted:
            "\(event.data["tool"]?.stringValue ?? "a tool") \(event.data["success"]?.boolValue == true ? "ok" : "failed")"
        case .modelCall where event.data["tool_calls"]?.arrayValue?.isEmpty == false:
            "\(event.agent ?? "the agent") calls \(event.data["tool_calls"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ", ") ?? "")"
        default: nil
        }
    }
}

/// The tasks one turn posted.
private actor PostedTasks {
    private(set) var last: String?
    func add(_ id: String) { last = id }
}

extension ChatMessageView {
    init(_ record: ChatMessageRecord) {
        self.init(
            id: record.id, conversationId: record.conversationId, role: record.role, content: record.content, taskId: record.taskId,
            createdAt: record.createdAt)
    }
}
