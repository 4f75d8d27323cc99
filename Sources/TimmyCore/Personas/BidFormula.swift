/// The auction's bid rule before the learner: a persona whose keywords or capabilities match
/// bids `max(1, base − jitter)`; otherwise `min(200, 1.8 × base + jitter)`, jitter uniform in 0…bid_jitter.
public enum BidFormula {
    public static let ceiling = 200
    public static let mismatchMultiplier = 1.8

    public static func bid(for persona: Persona, matched: Bool, jitter: Int) -> Int {
        matched
            ? max(1, persona.bidBase - jitter)
            : min(ceiling, Int((mismatchMultiplier * Double(persona.bidBase)).rounded()) + jitter)
    }

    /// The lowest and highest bid the formula can give this persona.
    public static func range(for persona: Persona, matched: Bool) -> ClosedRange<Int> {
        let a = bid(for: persona, matched: matched, jitter: 0)
        let b = bid(for: persona, matched: matched, jitter: persona.bidJitter)
        return min(a, b)...max(a, b)
    }

    /// Applies a learner factor, keeping the bid within 1…200 sats.
    public static func adjust(_ bid: Int, factor: Double) -> Int {
        min(ceiling, max(1, Int((Double(bid) * factor).rounded())))
    }
}
