import TimmyAPI

/// A bid with why it is what it is: the formula's base (keyword match or not) and the learner's factor.
struct BidRow {
    let agent: String
    let name: String
    let sats: String
    let base: String
    let factor: String
    let keywords: String
    let reason: String
    let winner: Bool

    init(_ bid: BidView, winner: String?) {
        agent = bid.agent
        name = Format.name(of: bid.agent)
        sats = Format.sats(bid.sats)
        base = Format.sats(bid.baseSats)
        factor = Format.factor(bid.learnerFactor)
        keywords = bid.matchedKeywords.isEmpty ? "none" : bid.matchedKeywords.joined(separator: ", ")
        let formula =
            bid.keywordMatched
            ? "matched \(keywords), so the formula bid low: \(base)"
            : "no keyword match, so the formula bid high: \(base)"
        reason = bid.learnerFactor == 1 ? "\(formula); the learner left it there" : "\(formula); the learner scaled it \(factor) to \(sats)"
        self.winner = bid.agent == winner
    }

    /// An auction's bids, lowest (the winner) first, ties in order of arrival.
    static func rows(_ bids: [BidView], winner: String?) -> [BidRow] {
        bids.sorted { ($0.sats, $0.sequence) < ($1.sats, $1.sequence) }.map { BidRow($0, winner: winner) }
    }
}
