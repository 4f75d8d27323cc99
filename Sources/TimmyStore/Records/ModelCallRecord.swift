import Foundation
import GRDB

/// One call of a language model: what it served, which model, how long, how many tokens.
public struct ModelCallRecord: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseTableName = "model_calls"

    public var id: Int64?
    public var taskId: String?
    public var conversationId: String?
    /// `plan`, `chat` or `script`.
    public var purpose: String
    public var provider: String
    public var model: String
    public var step: Int
    public var success: Bool
    public var error: String?
    public var doneReason: String?
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var durationMs: Double
    /// The tools the reply asked to call.
    public var toolCalls: [String]
    public var createdAt: Date

    public enum Columns {
        public static let taskId = Column("task_id")
        public static let purpose = Column("purpose")
    }

    public init(
        taskId: String?, conversationId: String?, purpose: String, provider: String, model: String, step: Int, success: Bool, error: String?,
        doneReason: String?, promptTokens: Int?, completionTokens: Int?, durationMs: Double, toolCalls: [String], createdAt: Date
    ) {
        self.taskId = taskId
        self.conversationId = conversationId
        self.purpose = purpose
        self.provider = provider
        self.model = model
        self.step = step
        self.success = success
        self.error = error
        self.doneReason = doneReason
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.durationMs = durationMs
        self.toolCalls = toolCalls
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
