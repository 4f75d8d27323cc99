import Foundation
import GRDB

/// A consolidated lesson, one row per (kind, subject): consolidating again updates it, never duplicates it.
public struct MemoryRecord: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseTableName = "memories"

    public var id: Int64?
    public var kind: String
    public var subject: String
    public var content: String
    public var evidenceCount: Int
    public var createdAt: Date
    public var updatedAt: Date

    public enum Columns {
        public static let kind = Column("kind")
        public static let subject = Column("subject")
        public static let updatedAt = Column("updated_at")
    }

    public init(kind: String, subject: String, content: String, evidenceCount: Int, at date: Date) {
        self.kind = kind
        self.subject = subject
        self.content = content
        self.evidenceCount = evidenceCount
        self.createdAt = date
        self.updatedAt = date
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
