import Foundation
import GRDB
import TimmyCore

/// A prediction is stored as a row of `predictions`.
extension Prediction: FetchableRecord, PersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseTableName = "predictions"

    public enum Columns {
        public static let taskId = Column("task_id")
        public static let score = Column("score")
        public static let createdAt = Column("created_at")
    }
}

extension Prediction: FastInsertable {
    static let insertSQL = """
        INSERT INTO predictions (task_id, predicted_winner, success_probability, bid_low, bid_high, basis, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    var insertArguments: StatementArguments { [taskId, predictedWinner, successProbability, bidLow, bidHigh, basis, createdAt] }
}
