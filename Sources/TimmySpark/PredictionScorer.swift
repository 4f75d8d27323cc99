import Foundation
import TimmyCore
import TimmyStore

/// Scores a prediction once its task ends: 0.4 for naming the winner, 0.4 for calling success
/// (probability ≥ 0.5 means "will succeed"), 0.2 for a winning bid inside the predicted range.
public enum PredictionScorer {
    public static let winnerWeight = 0.4
    public static let successWeight = 0.4
    public static let bidWeight = 0.2

    public static func score(_ prediction: Prediction, task: TaskRecord) -> Prediction {
        var scored = prediction
        let succeeded = task.status == .completed
        scored.actualWinner = task.winner
        scored.actualSuccess = succeeded
        scored.actualBid = task.winningBid
        var score = 0.0
        if prediction.predictedWinner == task.winner { score += winnerWeight }
        if (prediction.successProbability >= 0.5) == succeeded { score += successWeight }
        if let bid = task.winningBid {
            if (prediction.bidLow...max(prediction.bidLow, prediction.bidHigh)).contains(bid) { score += bidWeight }
        } else if prediction.predictedWinner == nil {
            score += bidWeight
        }
        scored.score = (score * 100).rounded() / 100
        scored.scoredAt = task.updatedAt
        return scored
    }
}

extension PredictionAccuracy {
    /// The accuracy of `predictions`: the scored ones' average and hit rates, and how many wait.
    public init(_ predictions: [Prediction]) {
        let done = predictions.filter { $0.score != nil }
        func rate(_ hit: (Prediction) -> Bool) -> Double? {
            done.isEmpty ? nil : Double(done.filter(hit).count) / Double(done.count)
        }
        self.init(
            scored: done.count, pending: predictions.count - done.count,
            averageScore: done.isEmpty ? nil : done.compactMap(\.score).reduce(0, +) / Double(done.count),
            winnerHitRate: rate { $0.predictedWinner == $0.actualWinner },
            successHitRate: rate { ($0.successProbability >= 0.5) == ($0.actualSuccess ?? false) },
            bidHitRate: rate { prediction in
                guard let bid = prediction.actualBid else { return prediction.predictedWinner == nil }
                return bid >= prediction.bidLow && bid <= prediction.bidHigh
            })
    }
}
