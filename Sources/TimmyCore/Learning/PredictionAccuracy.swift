/// How good Spark's predictions have been: what `/spark`, the API and the CLI show.
public struct PredictionAccuracy: Sendable, Codable, Equatable {
    public let scored: Int
    public let pending: Int
    public let averageScore: Double?
    public let winnerHitRate: Double?
    public let successHitRate: Double?
    public let bidHitRate: Double?

    public init(scored: Int, pending: Int, averageScore: Double?, winnerHitRate: Double?, successHitRate: Double?, bidHitRate: Double?) {
        self.scored = scored
        self.pending = pending
        self.averageScore = averageScore
        self.winnerHitRate = winnerHitRate
        self.successHitRate = successHitRate
        self.bidHitRate = bidHitRate
    }
}
