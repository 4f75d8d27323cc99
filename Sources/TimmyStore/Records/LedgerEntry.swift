import Foundation
import GRDB

/// An append-only credit of sats to a persona; the schema forbids changing or deleting one.
public struct LedgerEntry: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseTableName = "ledger_entries"

    public var id: Int64?
    public var agent: String
    public var taskId: String?
    public var sats: Int
    public var memo: String
    public var createdAt: Date

    public enum Columns {
        public static let agent = Column("agent")
        public static let sats = Column("sats")
    }

    public init(agent: String, taskId: String?, sats: Int, memo: String, createdAt: Date) {
        self.agent = agent
        self.taskId = taskId
        self.sats = sats
        self.memo = memo
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension LedgerEntry: IdentifiedFastInsertable {
    static let insertSQL = "INSERT INTO ledger_entries (agent, task_id, sats, memo, created_at) VALUES (?, ?, ?, ?, ?)"
    var insertArguments: StatementArguments { [agent, taskId, sats, memo, createdAt] }
}
