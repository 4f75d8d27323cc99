import Foundation

/// An append-only credit of sats to a persona.
public struct LedgerEntryView: Sendable, Codable, Equatable {
    public let id: Int64?
    public let agent: String
    public let taskId: String?
    public let sats: Int
    public let memo: String
    public let createdAt: Date

    public init(id: Int64?, agent: String, taskId: String?, sats: Int, memo: String, createdAt: Date) {
        self.id = id
        self.agent = agent
        self.taskId = taskId
        self.sats = sats
        self.memo = memo
        self.createdAt = createdAt
    }
}

/// A persona's credited sats.
public struct BalanceView: Sendable, Codable, Equatable {
    public let agent: String
    public let sats: Int
    public let entries: Int

    public init(agent: String, sats: Int, entries: Int) {
        self.agent = agent
        self.sats = sats
        self.entries = entries
    }
}

/// Every persona's balance and the entries behind them.
public struct LedgerView: Sendable, Codable, Equatable {
    public let balances: [BalanceView]
    public let entries: [LedgerEntryView]

    public init(balances: [BalanceView], entries: [LedgerEntryView]) {
        self.balances = balances
        self.entries = entries
    }
}
