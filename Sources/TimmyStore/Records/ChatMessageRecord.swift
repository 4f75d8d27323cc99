import Foundation
import GRDB

/// One message of a conversation with Timmy: what the person wrote, or what Timmy answered.
public struct ChatMessageRecord: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseTableName = "chat_messages"

    public var id: Int64?
    public var conversationId: String
    /// `user` or `assistant`.
    public var role: String
    public var content: String
    /// The task the answer posted, when it posted one.
    public var taskId: String?
    public var createdAt: Date

    public enum Columns {
        public static let id = Column("id")
        public static let conversationId = Column("conversation_id")
    }

    public init(conversationId: String, role: String, content: String, taskId: String? = nil, createdAt: Date) {
        self.conversationId = conversationId
        self.role = role
        self.content = content
        self.taskId = taskId
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
