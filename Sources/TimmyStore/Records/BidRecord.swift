import Foundation
import GRDB
import TimmyCore

/// One persona's bid in one auction, with why it bid what it did.
public struct BidRecord: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseTableName = "bids"

    public var id: Int64?
    public var taskId: String
    public var agent: String
    public var sats: Int
    /// The formula's bid before the learner adjusted it.
    public var baseSats: Int
    public var learnerFactor: Double
    public var keywordMatched: Bool
    public var matchedKeywords: [String]
    /// Order of arrival within the auction; ties go to the lowest.
    public var sequence: Int
    public var createdAt: Date

    public enum Columns {
        public static let taskId = Column("task_id")
        public static let agent = Column("agent")
        public static let sequence = Column("sequence")
    }

    public init(
        taskId: String, agent: String, sats: Int, baseSats: Int, learnerFactor: Double, matchedKeywords: [String], sequence: Int,
        createdAt: Date
    ) {
        self.taskId = taskId
        self.agent = agent
        self.sats = sats
        self.baseSats = baseSats
        self.learnerFactor = learnerFactor
        self.keywordMatched = !matchedKeywords.isEmpty
        self.matchedKeywords = matchedKeywords
        self.sequence = sequence
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension BidRecord: IdentifiedFastInsertable {
    static let insertSQL = """
        INSERT INTO bids (task_id, agent, sats, base_sats, learner_factor, keyword_matched, matched_keywords, sequence, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    var insertArguments: StatementArguments {
        let keywords = JSONValue.array(matchedKeywords.map(JSONValue.string)).jsonText
        return [taskId, agent, sats, baseSats, learnerFactor, keywordMatched, keywords, sequence, createdAt]
    }
}
