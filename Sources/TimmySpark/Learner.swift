import TimmyCore
import TimmyStore

/// Learns from outcomes how far to trust each persona, and scales its bids accordingly.
///
/// The factor applied to a bid, once the persona has at least ``minimumOutcomes`` finished tasks:
/// - failures raise it: `1 + 0.5 × failure rate` (no failures ×1.0, all failures ×1.5);
/// - a strong record on the keywords the bid matched lowers it: when those keywords together have
///   at least ``minimumOutcomes`` outcomes and a success rate of at least 0.8, the bid is ×0.85.
/// The product is kept within 0.5…2.0. Below the minimum, the factor is exactly 1.
public actor Learner {
    public static let minimumOutcomes = 3
    public static let failurePenalty = 0.5
    public static let keywordDiscount = 0.85
    public static let strongKeywordSuccess = 0.8

    private var records: [String: AgentHistory]
    /// The keywords each assigned task's winner matched, kept until the task ends.
    private var assignedKeywords: [String: [String]] = [:]

    public init(records: [String: AgentHistory] = [:]) {
        self.records = records
    }

    /// The factor for a persona's next bid, given the keywords its bid matched.
    public func factor(for agent: String, matchedKeywords: [String]) -> Double {
        Self.factor(records[agent] ?? AgentHistory(), matchedKeywords: matchedKeywords)
    }

    /// The factor rule, as a pure function of a record.
    public static func factor(_ record: AgentHistory, matchedKeywords: [String]) -> Double {
        guard record.outcomes >= minimumOutcomes, let successRate = record.successRate else { return 1.0 }
        var factor = 1.0 + failurePenalty * (1.0 - successRate)
        if !matchedKeywords.isEmpty {
            let completions = matchedKeywords.reduce(0) { $0 + (record.keywordCompletions[$1] ?? 0) }
            let failures = matchedKeywords.reduce(0) { $0 + (record.keywordFailures[$1] ?? 0) }
            let total = completions + failures
            if total >= minimumOutcomes, Double(completions) / Double(total) >= strongKeywordSuccess {
                factor *= keywordDiscount
            }
        }
        return min(2.0, max(0.5, factor))
    }

    public func record(for agent: String) -> AgentHistory { records[agent] ?? AgentHistory() }

    public func allRecords() -> [String: AgentHistory] { records }

    /// Counts an auction's bids and its winner.
    public func recordAuction(bidders: [String], winner: String?, winningBid: Int?, winnerKeywords: [String]) {
        for agent in bidders { records[agent, default: AgentHistory()].bids += 1 }
        guard let winner, let winningBid else { return }
        records[winner, default: AgentHistory()].wins += 1
        records[winner, default: AgentHistory()].winningBidTotal += winningBid
        for keyword in winnerKeywords { records[winner, default: AgentHistory()].keywordWins[keyword, default: 0] += 1 }
    }

    /// Counts a finished task for the persona that won it.
    public func recordOutcome(agent: String, keywords: [String], success: Bool) {
        if success {
            records[agent, default: AgentHistory()].completions += 1
            for keyword in keywords { records[agent, default: AgentHistory()].keywordCompletions[keyword, default: 0] += 1 }
        } else {
            records[agent, default: AgentHistory()].failures += 1
            for keyword in keywords { records[agent, default: AgentHistory()].keywordFailures[keyword, default: 0] += 1 }
        }
    }

    /// A task that ended with a winner this learner did not see assigned (a restart came between).
    public struct UnattributedOutcome: Sendable {
        public let task: String
        public let agent: String
        public let success: Bool
    }

    /// Counts the bids, wins and outcomes in committed events, taken in commit order. Returns the
    /// outcomes whose winning keywords it does not know, for the caller to look up and record.
    public func learn(from events: [EventRecord]) -> [UnattributedOutcome] {
        var unattributed: [UnattributedOutcome] = []
        for event in events {
            guard let agent = event.agent, let type = SparkEventType(rawValue: event.type) else { continue }
            switch type {
            case .bidSubmitted:
                records[agent, default: AgentHistory()].bids += 1
            case .taskAssigned:
                let keywords = event.data["matched_keywords"]?.arrayValue?.compactMap(\.stringValue) ?? []
                records[agent, default: AgentHistory()].wins += 1
                records[agent, default: AgentHistory()].winningBidTotal += event.data["sats"]?.intValue ?? 0
                for keyword in keywords { records[agent, default: AgentHistory()].keywordWins[keyword, default: 0] += 1 }
                if let task = event.taskId { assignedKeywords[task] = keywords }
            case .taskCompleted, .taskFailed:
                guard let task = event.taskId else { continue }
                let success = type == .taskCompleted
                if let keywords = assignedKeywords.removeValue(forKey: task) {
                    recordOutcome(agent: agent, keywords: keywords, success: success)
                } else {
                    unattributed.append(UnattributedOutcome(task: task, agent: agent, success: success))
                }
            default:
                continue
            }
        }
        return unattributed
    }
}
