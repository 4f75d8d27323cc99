import Foundation
import Synchronization
import TimmyCore
import TimmyStore

/// One sealed-bid auction: every contender bids concurrently; the auction closes when all have
/// bid or the window passes, whichever is first. Lowest bid wins; a tie goes to the earlier bid.
struct Auction: Sendable {
    let window: Duration
    let clock: any Clock<Duration>

    /// Collects bids in arrival order; bids arriving after the window are dropped.
    func collect(
        from contenders: [Contender], bid: @escaping @Sendable (Contender, _ sequence: Int) async -> BidRecord
    ) async -> [BidRecord] {
        let window = self.window
        let clock = self.clock
        return await withTaskGroup(of: BidRecord?.self) { group in
            let counter = SequenceCounter()
            for contender in contenders {
                group.addTask { await bid(contender, counter.next()) }
            }
            group.addTask {
                try? await clock.sleep(for: window)
                return nil
            }
            var bids: [BidRecord] = []
            for await result in group {
                guard let result else { break }
                bids.append(result)
                if bids.count == contenders.count { break }
            }
            group.cancelAll()
            return bids.sorted { $0.sequence < $1.sequence }
        }
    }

    /// The lowest bid, ties going to the earliest.
    static func winner(of bids: [BidRecord]) -> BidRecord? {
        bids.min { ($0.sats, $0.sequence) < ($1.sats, $1.sequence) }
    }
}

/// Hands out arrival numbers to concurrent bidders.
final class SequenceCounter: Sendable {
    private let value = Mutex(0)

    func next() -> Int {
        value.withLock { current in
            defer { current += 1 }
            return current
        }
    }
}
