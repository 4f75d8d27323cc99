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

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["description"] = description
        container["status"] = status
        container["plan"] = JSONValue.array(plan.map(\.jsonValue)).jsonText
        container["winner"] = winner
        container["winning_bid"] = winningBid
        container["result"] = result
        container["failure_reason"] = failureReason
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
    }

    public init(row: Row) {
        id = row["id"]
        description = row["description"]
        status = row["status"]
        plan = JSONValue.parse(row["plan"] ?? "[]")?.arrayValue?.compactMap(PlannedCall.init) ?? []
        winner = row["winner"]
        winningBid = row["winning_bid"]
        result = row["result"]
        failureReason = row["failure_reason"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
    }
}

extension PlannedCall {
    var jsonValue: JSONValue { ["tool": .string(tool), "arguments": .object(arguments)] }

    /// A call from its stored JSON, `{"tool": …, "arguments": {…}}`.
    init?(_ value: JSONValue) {
        guard let tool = value["tool"]?.stringValue else { return nil }
        guard case .object(let arguments)? = value["arguments"] ?? .object([:]) else { return nil }
        self.init(tool: tool, arguments: arguments)
    }
}

extension TaskStatus: DatabaseValueConvertible {}
