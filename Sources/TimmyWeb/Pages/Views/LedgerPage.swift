import TimmyAPI
import TimmySwarm

/// `/ledger`: sats credited to each persona, and the entries.
struct LedgerPage {
    struct Balance {
        let name: String
        let sats: String
        let entries: Int
    }

    struct Entry {
        let time: String
        let name: String
        let sats: String
        let taskHref: String?
        let taskShort: String
        let memo: String
    }

    let balances: [Balance]
    let hasBalances: Bool
    let total: String
    let entries: [Entry]
    let hasEntries: Bool

    init(_ service: any TimmyService) async throws {
        let ledger = try await service.ledger()
        balances = ledger.balances.map { Balance(name: Format.name(of: $0.agent), sats: Format.sats($0.sats), entries: $0.entries) }
        hasBalances = !balances.isEmpty
        total = Format.sats(ledger.balances.reduce(0) { $0 + $1.sats })
        entries = ledger.entries.map { entry in
            Entry(
                time: Format.dateTime(entry.createdAt), name: Format.name(of: entry.agent), sats: Format.sats(entry.sats),
                taskHref: entry.taskId.map(Format.taskPath), taskShort: entry.taskId.map(Format.shortID) ?? "", memo: entry.memo)
        }
        hasEntries = !entries.isEmpty
    }
}
