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
}

extension TaskStatus: DatabaseValueConvertible {}
