import Foundation

/// What Spark expected of a task when it was posted, and how well that held once it ended: one
/// value for the store's row, the scorer and the API.
public struct Prediction: Sendable, Codable, Equatable {
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

    /// A prediction as made when the task is posted; the outcome fields stay nil until it is scored.
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
