import Foundation
import GRDB
import TimmyCore

/// A Spark event: something that happened, stored with its importance and published after commit.
public struct EventRecord: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseTableName = "events"

    public var id: Int64?
    public var type: String
    public var agent: String?
    public var taskId: String?
    public var data: [String: JSONValue]
    public var importance: Double
    public var createdAt: Date

    public enum Columns {
        public static let id = Column("id")
        public static let type = Column("type")
        public static let agent = Column("agent")
        public static let taskId = Column("task_id")
    }

    public init(type: SparkEventType, agent: String?, taskId: String?, data: [String: JSONValue], importance: Double? = nil, createdAt: Date) {
        self.type = type.rawValue
        self.agent = agent
        self.taskId = taskId
        self.data = data
        self.importance = importance ?? type.importance
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Maps the row by hand; JSONColumns.swift says why.
    public init(row: Row) {
        id = row["id"]
        type = row["type"]
        agent = row["agent"]
        taskId = row["task_id"]
        data = row.jsonObject("data")
        importance = row["importance"]
        createdAt = row["created_at"]
    }
}

extension EventRecord: IdentifiedFastInsertable {
    static let insertSQL = "INSERT INTO events (type, agent, task_id, data, importance, created_at) VALUES (?, ?, ?, ?, ?, ?)"
    var insertArguments: StatementArguments { [type, agent, taskId, data.jsonText, importance, createdAt] }
}
