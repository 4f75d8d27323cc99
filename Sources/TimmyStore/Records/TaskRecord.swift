import Foundation
import GRDB
import TimmyCore

/// A posted task and its outcome.
public struct TaskRecord: Sendable, Codable, Equatable, Identifiable, FetchableRecord, PersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseTableName = "tasks"

    public var id: String
    public var description: String
    public var status: TaskStatus
    public var plan: [PlannedCall]
    public var winner: String?
    public var winningBid: Int?
    public var result: String?
    public var failureReason: String?
    public var createdAt: Date
    public var updatedAt: Date

    public enum Columns {
        public static let id = Column("id")
        public static let status = Column("status")
        public static let winner = Column("winner")
        public static let createdAt = Column("created_at")
    }

    public init(id: String, description: String, status: TaskStatus, plan: [PlannedCall], createdAt: Date) {
        self.id = id
        self.description = description
        self.status = status
        self.plan = plan
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    /// Maps the row by hand; JSONColumns.swift says why.
    public init(row: Row) {
        id = row["id"]
        description = row["description"]
        status = row["status"]
        plan = row.json("plan")?.arrayValue?.compactMap(PlannedCall.init(stored:)) ?? []
        winner = row["winner"]
        winningBid = row["winning_bid"]
        result = row["result"]
        failureReason = row["failure_reason"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }
}

extension TaskRecord: FastInsertable {
    static let insertSQL = """
        INSERT INTO tasks (id, description, status, plan, winner, winning_bid, result, failure_reason, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    var insertArguments: StatementArguments {
        [
            id, description, status, JSONValue.array(plan.map(\.stored)).jsonText, winner, winningBid, result, failureReason, createdAt,
            updatedAt,
        ]
    }
}

extension PlannedCall {
    /// The call as a task's plan column stores it, `{"arguments": {…}, "tool": …}`.
    fileprivate var stored: JSONValue { ["arguments": .object(arguments), "tool": .string(tool)] }

    fileprivate init?(stored value: JSONValue) {
        guard let tool = value["tool"]?.stringValue, case .object(let arguments)? = value["arguments"] else { return nil }
        self.init(tool: tool, arguments: arguments)
    }
}

extension TaskStatus: DatabaseValueConvertible {}
