import Foundation
import GRDB

/// What Spark expected of a task when it was posted, and how well that held once it ended.
public struct PredictionRecord: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseTableName = "predictions"

    public var taskId: String
    public var predictedWinner: String?
    public var successProbability: Double
    public var bidLow: Int
    public var bidHigh: Int
    public var basis: String
    public var actualWinner: String?
    public var actualSuccess: Bool?
    public var actualBid: Int?
    /// 0.4 for the winner, 0.4 for success, 0.2 for the bid range; nil until the task ends.
    public var score: Double?
    public var createdAt: Date
    public var scoredAt: Date?

    public enum Columns {
        public static let taskId = Column("task_id")
        public static let score = Column("score")
        public static let createdAt = Column("created_at")
    }

    public init(taskId: String, predictedWinner: String?, successProbability: Double, bidLow: Int, bidHigh: Int, basis: String, createdAt: Date) {
        self.taskId = taskId
        self.predictedWinner = predictedWinner
        self.successProbability = successProbability
        self.bidLow = bidLow
        self.bidHigh = bidHigh
        self.basis = basis
        self.createdAt = createdAt
    }
}

extension PredictionRecord: FastInsertable {
    static let insertSQL = """
        INSERT INTO predictions (task_id, predicted_winner, success_probability, bid_low, bid_high, basis, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    var insertArguments: StatementArguments { [taskId, predictedWinner, successProbability, bidLow, bidHigh, basis, createdAt] }
}
