import Foundation
import TimmyCore
import TimmyStore

/// Computes one persona's bid on one task: the formula with jitter, then the advisor's (the learner's) factor.
struct BidMaker: Sendable {
    let advisor: any AuctionAdvisor
    /// The configured seed; nil draws fresh jitter.
    let seed: String?

    /// - Parameter ordinal: the task's position among tasks posted by this process, so a seeded run repeats.
    func bid(_ contender: Contender, taskID: String, ordinal: Int, sequence: Int, at date: Date) async -> BidRecord {
        let persona = contender.persona
        let jitter: Int
        if let seed {
            var random = StableRandom(parts: [seed, String(ordinal), persona.id])
            jitter = Int.random(in: 0...persona.bidJitter, using: &random)
        } else {
            jitter = Int.random(in: 0...persona.bidJitter)
        }
        let base = BidFormula.bid(for: persona, matched: !contender.matchedKeywords.isEmpty, jitter: jitter)
        let factor = await advisor.bidFactor(for: persona.id, matchedKeywords: contender.matchedKeywords)
        return BidRecord(
            taskId: taskID, agent: persona.id, sats: BidFormula.adjust(base, factor: factor), baseSats: base, learnerFactor: factor,
            matchedKeywords: contender.matchedKeywords, sequence: sequence, createdAt: date)
    }
}
