import TimmyAPI
import TimmyCore
import TimmySwarm

/// `/swarm`: every persona's status, queue, wins, success rate and sats earned, and the recent auctions.
struct SwarmPage {
    struct Persona {
        let name: String
        let role: String
        let status: String
        let taskHref: String?
        let queued: Int
        let bids: Int
        let wins: Int
        let successRate: String
        let sats: String
    }

    struct Auction {
        let task: TaskRow
        let bids: [BidRow]
        /// Shown unfolded: the newest auction.
        let open: Bool
    }

    let personas: [Persona]
    let auctions: [Auction]

    init(_ service: any TimmyService) async throws {
        let records = try await service.sparkStatus().agents
        let earned = Dictionary(uniqueKeysWithValues: try await service.ledger().balances.map { ($0.agent, $0.sats) })
        personas = try await service.personas().compactMap { view in
            guard let status = view.status else { return nil }
            let record = records[view.persona.id] ?? AgentHistory()
            return Persona(
                name: view.persona.name, role: view.persona.role, status: status.status,
                taskHref: status.currentTask.map(Format.taskPath), queued: status.queued, bids: record.bids, wins: record.wins,
                successRate: record.successRate.map(Format.percent) ?? "no finished tasks",
                sats: Format.sats(earned[view.persona.id] ?? 0))
        }
        auctions = try await service.auctions(limit: 10).auctions.enumerated().map { index, auction in
            Auction(
                task: TaskRow(auction.task),
                bids: BidRow.rows(auction.bids, winner: auction.task.winner),
                open: index == 0)
        }
    }
}
