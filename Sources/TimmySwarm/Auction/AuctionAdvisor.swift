import Foundation
import TimmyCore
import TimmyStore

/// What the swarm asks of Spark while it posts and auctions a task. Spark learns from the store's
/// events, never from the swarm; the runtime hands the swarm its Spark as this.
public protocol AuctionAdvisor: Sendable {
    /// The factor a persona's bid is scaled by, given the keywords the bid matched.
    func bidFactor(for agent: String, matchedKeywords: [String]) async -> Double
    /// The prediction to store with a task about to be auctioned among `contenders`, if any.
    func prediction(forTask id: String, contenders: [Contender], at date: Date) async -> Prediction?
    /// The prediction to store with a task no planner can serve, if any.
    func unplannablePrediction(forTask id: String, at date: Date) async -> Prediction?
}
