import Foundation
import Testing
import TimmyCore
import TimmyStore
import TimmyTestSupport

@testable import TimmySwarm

@Suite("The auction and its window, on a test clock")
struct AuctionTests {
    private let contenders = PersonaCatalog.bidders.map { Contender(persona: $0, matchedKeywords: []) }

    private func bid(_ contender: Contender, _ sequence: Int) -> BidRecord {
        BidRecord(
            taskId: "t", agent: contender.persona.id, sats: 10 + sequence, baseSats: 10 + sequence, learnerFactor: 1, matchedKeywords: [],
            sequence: sequence, createdAt: Date())
    }

    @Test("the auction closes once every contender has bid, with the clock never moved, the bids in arrival order")
    func closesWhenAllHaveBid() async {
        let clock = TestClock()
        let auction = Auction(window: .seconds(2), clock: clock)
        let bids = await auction.collect(from: contenders) { contender, sequence in bid(contender, sequence) }
        #expect(bids.count == contenders.count)
        #expect(bids.map(\.sequence) == Array(0..<contenders.count))
        #expect(Auction.winner(of: bids)?.sequence == 0)
        #expect(clock.sleeping == 0, "the window's sleep is cancelled once the auction closes")
    }

    @Test(
        "when the window passes the auction closes without the contender still bidding, and drops its late bid", .timeLimit(.minutes(10)))
    func windowDropsLateBids() async {
        let clock = TestClock()
        let auction = Auction(window: .seconds(2), clock: clock)
        let (gate, _) = AsyncStream.makeStream(of: Void.self)
        let collecting = Task {
            await auction.collect(from: Array(contenders.prefix(1))) { contender, sequence in
                for await _ in gate {}  // ends only when the auction cancels it
                return bid(contender, sequence)
            }
        }
        while clock.sleeping == 0 { await Task.yield() }
        clock.advance(by: .milliseconds(1999))
        #expect(clock.sleeping == 1, "a moment short of the window the auction is still open")
        clock.advance(by: .milliseconds(1))
        let bids = await collecting.value
        #expect(bids.isEmpty)
        #expect(Auction.winner(of: bids) == nil)
    }
}
