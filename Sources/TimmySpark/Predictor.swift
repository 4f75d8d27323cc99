import Foundation
import TimmyCore
import TimmyStore

/// Predicts, when a task is posted, who will win, whether it will succeed and what the winning bid will be.
///
/// Each contender's possible bids are its formula range scaled by its learner factor; the winning
/// bid is the lowest of all bids, so it lies between the lowest of the range floors and the lowest
/// of the range ceilings. The likely winner is the contender with the lowest range midpoint. Its
/// success probability is its smoothed record `(completions + 1) / (outcomes + 2)`.
public enum Predictor {
    public static func predict(taskID: String, contenders: [Contender], learner: Learner, at date: Date) async -> Prediction {
        var best: (persona: Persona, midpoint: Double)?
        var low = Int.max
        var high = Int.max
        for contender in contenders {
            let factor = await learner.factor(for: contender.persona.id, matchedKeywords: contender.matchedKeywords)
            let range = BidFormula.range(for: contender.persona, matched: !contender.matchedKeywords.isEmpty)
            let lower = BidFormula.adjust(range.lowerBound, factor: factor)
            let upper = BidFormula.adjust(range.upperBound, factor: factor)
            low = min(low, lower)
            high = min(high, upper)
            let midpoint = Double(lower + upper) / 2
            if best == nil || midpoint < best!.midpoint { best = (contender.persona, midpoint) }
        }
        guard let winner = best?.persona else {
            return Prediction(
                taskId: taskID, predictedWinner: nil, successProbability: 0, bidLow: 0, bidHigh: 0,
                basis: "no persona can serve this task", createdAt: date)
        }
        let record = await learner.record(for: winner.id)
        let probability = Double(record.completions + 1) / Double(record.outcomes + 2)
        return Prediction(
            taskId: taskID, predictedWinner: winner.id, successProbability: probability, bidLow: low, bidHigh: high,
            basis: "\(contenders.count) contenders; \(winner.id) has the lowest expected bid; success from \(record.outcomes) past outcomes",
            createdAt: date)
    }

    /// A prediction made for a task that failed before any auction: no winner, no success.
    public static func unplannable(taskID: String, at date: Date) -> Prediction {
        Prediction(
            taskId: taskID, predictedWinner: nil, successProbability: 0, bidLow: 0, bidHigh: 0, basis: "no plan for this task",
            createdAt: date)
    }
}
