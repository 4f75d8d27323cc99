/// A persona's recorded history: what the learner scales bids by.
public struct AgentHistory: Sendable, Codable, Equatable {
    public var bids = 0
    public var wins = 0
    public var completions = 0
    public var failures = 0
    public var winningBidTotal = 0
    public var keywordCompletions: [String: Int] = [:]
    public var keywordFailures: [String: Int] = [:]
    public var keywordWins: [String: Int] = [:]

    public init() {}

    /// Finished tasks this persona won.
    public var outcomes: Int { completions + failures }
    public var successRate: Double? { outcomes == 0 ? nil : Double(completions) / Double(outcomes) }
    public var averageWinningBid: Double? { wins == 0 ? nil : Double(winningBidTotal) / Double(wins) }
}
