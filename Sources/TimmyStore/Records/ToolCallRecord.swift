import Foundation
import GRDB
import TimmyCore

/// One invocation of a tool: who, what, with which arguments, and how it went.
public struct ToolCallRecord: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseTableName = "tool_calls"

    public var id: Int64?
    public var taskId: String?
    public var agent: String
    public var tool: String
    public var arguments: [String: JSONValue]
    public var success: Bool
    public var resultSummary: String
    public var error: String?
    public var durationMs: Double
    public var createdAt: Date

    public enum Columns {
        public static let taskId = Column("task_id")
        public static let tool = Column("tool")
        public static let agent = Column("agent")
        public static let durationMs = Column("duration_ms")
        public static let success = Column("success")
    }

    public init(
        taskId: String?, agent: String, tool: String, arguments: [String: JSONValue], success: Bool, resultSummary: String,
        error: String?, durationMs: Double, createdAt: Date
    ) {
        self.taskId = taskId
        self.agent = agent
        self.tool = tool
        self.arguments = arguments
        self.success = success
        self.resultSummary = resultSummary
        self.error = error
        self.durationMs = durationMs
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ToolCallRecord: IdentifiedFastInsertable {
    static let insertSQL = """
        INSERT INTO tool_calls (task_id, agent, tool, arguments, success, result_summary, error, duration_ms, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    var insertArguments: StatementArguments {
        [taskId, agent, tool, arguments.jsonText, success, resultSummary, error, durationMs, createdAt]
    }
}
