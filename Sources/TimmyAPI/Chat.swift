import Foundation
import TimmyCore

/// One message of a conversation with Timmy.
public struct ChatMessageView: Sendable, Codable, Equatable {
    public let id: Int64?
    public let conversationId: String
    /// `user` or `assistant`.
    public let role: String
    public let content: String
    /// The task Timmy posted to the swarm for this answer, if it posted one.
    public let taskId: String?
    public let createdAt: Date

    public init(id: Int64?, conversationId: String, role: String, content: String, taskId: String?, createdAt: Date) {
        self.id = id
        self.conversationId = conversationId
        self.role = role
        self.content = content
        self.taskId = taskId
        self.createdAt = createdAt
    }
}

/// Which language model Timmy talks with, or, with none configured, how to configure one.
public struct ChatModelView: Sendable, Codable, Equatable {
    public let configured: Bool
    public let provider: String?
    public let model: String?
    public let url: String?
    /// What to set when no model is configured.
    public let hint: String?

    public init(configured: Bool, provider: String?, model: String?, url: String?, hint: String?) {
        self.configured = configured
        self.provider = provider
        self.model = model
        self.url = url
        self.hint = hint
    }
}

/// A conversation as stored, oldest message first, and the model that answers it.
public struct ChatHistory: Sendable, Codable, Equatable {
    /// The conversation shown: the one asked for, else the latest; nil when there is none yet.
    public let conversation: String?
    public let messages: [ChatMessageView]
    public let model: ChatModelView

    public init(conversation: String?, messages: [ChatMessageView], model: ChatModelView) {
        self.conversation = conversation
        self.messages = messages
        self.model = model
    }
}

/// The body of `POST /api/chat` and `POST /api/chat/stream`.
public struct ChatRequest: Sendable, Codable {
    public let message: String
    /// The conversation to continue; a new one when absent.
    public let conversation: String?

    public init(message: String, conversation: String?) {
        self.message = message
        self.conversation = conversation
    }
}

/// One part of a streamed answer: a piece of its text, news of a task it posted, or the stored
/// message that ends it.
public struct ChatEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The next piece of the answer's text.
        case delta
        /// A task Timmy posted, or a step of its progress.
        case task
        /// The answer as stored; the last event of a turn.
        case message
    }

    public let kind: Kind
    public let text: String?
    public let taskId: String?
    public let message: ChatMessageView?

    public init(kind: Kind, text: String? = nil, taskId: String? = nil, message: ChatMessageView? = nil) {
        self.kind = kind
        self.text = text
        self.taskId = taskId
        self.message = message
    }
}

/// A whole turn, for clients that do not stream: the person's message and Timmy's answer as stored.
public struct ChatReply: Sendable, Codable, Equatable {
    public let conversation: String
    public let answer: ChatMessageView
    /// What happened on the way: the tasks posted and their progress, in order.
    public let steps: [String]

    public init(conversation: String, answer: ChatMessageView, steps: [String]) {
        self.conversation = conversation
        self.answer = answer
        self.steps = steps
    }
}

/// The limits a chat message and a conversation id respect at every entry point.
public enum ChatInputRule {
    public static let maxCharacters = 4000

    /// The trimmed message, or what is wrong with it, naming the field.
    public static func message(_ text: String) throws(ServiceError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw .invalid(field: "message", message: "message must not be empty: say something to Timmy") }
        if trimmed.count > maxCharacters {
            throw .invalid(field: "message", message: "message must be at most \(maxCharacters) characters, got \(trimmed.count)")
        }
        if let problem = ControlCharacters.problem(in: trimmed) { throw .invalid(field: "message", message: "message \(problem)") }
        return trimmed
    }

    /// The schema keyword of a conversation id, as `conversation` checks it.
    public static let conversationSchema: [String: JSONValue] = ["pattern": "^[A-Za-z0-9-]{1,64}$"]

    /// A conversation id as given: 1 to 64 letters, digits and dashes.
    public static func conversation(_ id: String) throws(ServiceError) -> String {
        guard (1...64).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw .invalid(field: "conversation", message: "conversation must be 1–64 letters, digits and dashes, got '\(id.prefix(80))'")
        }
        return id.lowercased()
    }
}

/// Calls of one language model: how many, how fast, how many tokens.
public struct ModelUsage: Sendable, Codable, Equatable {
    public let provider: String
    public let model: String
    public let calls: Int
    public let failures: Int
    /// Median and 95th-percentile duration of the successful calls (nearest rank); nil with none.
    public let medianMs: Double?
    public let p95Ms: Double?
    /// Successful calls whose replies gave token counts: the sample the averages rest on.
    public let tokenSamples: Int
    public let averagePromptTokens: Double?
    public let averageCompletionTokens: Double?

    public init(
        provider: String, model: String, calls: Int, failures: Int, medianMs: Double?, p95Ms: Double?, tokenSamples: Int,
        averagePromptTokens: Double?, averageCompletionTokens: Double?
    ) {
        self.provider = provider
        self.model = model
        self.calls = calls
        self.failures = failures
        self.medianMs = medianMs
        self.p95Ms = p95Ms
        self.tokenSamples = tokenSamples
        self.averagePromptTokens = averagePromptTokens
        self.averageCompletionTokens = averageCompletionTokens
    }
}

/// How the tasks one planner planned ended.
public struct PlannerRate: Sendable, Codable, Equatable {
    /// `llm` or `rules`.
    public let planner: String
    /// Finished tasks it planned: the sample the rate rests on.
    public let tasks: Int
    public let completed: Int
    public let successRate: Double?

    public init(planner: String, tasks: Int, completed: Int, successRate: Double?) {
        self.planner = planner
        self.tasks = tasks
        self.completed = completed
        self.successRate = successRate
    }
}

/// Spark's reading of the language model: plan success against the rules, and each model's latency and tokens.
public struct ModelReport: Sendable, Codable, Equatable {
    public let planners: [PlannerRate]
    public let models: [ModelUsage]

    public init(planners: [PlannerRate], models: [ModelUsage]) {
        self.planners = planners
        self.models = models
    }
}
