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
    /// The call's structured result (`ToolResult.data`); stored when its JSON is at most `resultDataLimit` bytes.
    public var resultData: JSONValue?
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

    /// Results larger than this keep only their summary: a read file's content or a long log is not worth a second copy.
    public static let resultDataLimit = 64 << 10

    public init(
        taskId: String?, agent: String, tool: String, arguments: [String: JSONValue], success: Bool, resultSummary: String,
        resultData: JSONValue? = nil, error: String?, durationMs: Double, createdAt: Date
    ) {
        self.taskId = taskId
        self.agent = agent
        self.tool = tool
        self.arguments = arguments
        self.success = success
        self.resultSummary = resultSummary
        self.resultData = resultData
        self.error = error
        self.durationMs = durationMs
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Maps the row by hand; JSONColumns.swift says why.
    public init(row: Row) {
        id = row["id"]
        taskId = row["task_id"]
        agent = row["agent"]
        tool = row["tool"]
        arguments = row.jsonObject("arguments")
        success = row["success"]
        resultSummary = row["result_summary"]
        resultData = row.json("result_data")
        error = row["error"]
        durationMs = row["duration_ms"]
        createdAt = row["created_at"]
    }
}

extension ToolCallRecord: IdentifiedFastInsertable {
    static let insertSQL = """
        INSERT INTO tool_calls (task_id, agent, tool, arguments, success, result_summary, result_data, error, duration_ms, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    var insertArguments: StatementArguments {
        let data = resultData?.jsonText
        return [
            taskId, agent, tool, arguments.jsonText, success, resultSummary, data.flatMap { $0.utf8.count <= Self.resultDataLimit ? $0 : nil },
            error, durationMs, createdAt,
        ]
    }
}
