import Foundation
import TimmyCore
import TimmyStore

/// Reads the store and says what the records show: streaks, latencies, comparisons, bid spread
/// and prediction accuracy. Nothing is said without the samples to back it.
public struct Advisor: Sendable {
    /// Fewest samples before a latency or comparison is reported.
    public static let minimumSamples = 5
    /// Shortest run of like outcomes worth calling a streak.
    public static let minimumStreak = 3
    /// Smallest relative difference worth a comparison.
    public static let minimumDifference = 0.10

    let store: Store
    /// What the tool families read from their own calls.
    let patterns: [any CallPattern]

    public init(store: Store, patterns: [any CallPattern]) {
        self.store = store
        self.patterns = patterns
    }

    public func advisories() async throws -> [Advisory] {
        let calls = try await store.toolCalls()
        let outcomes = try await store.finishedOutcomes()
        let spreads = try await store.recentBidSpreads(limit: 100)
        let predictions = try await store.predictions(limit: 1000)
        let projects = try await store.projectOutcomes()
        return Self.streaks(outcomes) + Self.latencies(calls) + Self.comparisons(calls) + Self.bidSpread(spreads)
            + Self.accuracy(predictions) + findings(calls)
            + DirectorPatterns.advisories(calls: calls, projects: projects, minimum: Self.minimumSamples)
    }

    /// The families' patterns over the calls' structured results.
    func findings(_ calls: [ToolCallRecord]) -> [Advisory] {
        let recorded = calls.map { RecordedCall(tool: $0.tool, agent: $0.agent, success: $0.success, data: $0.resultData ?? .null) }
        return patterns.flatMap { $0.findings(recorded, minimumSamples: Self.minimumSamples) }.map {
            Advisory(kind: .pattern, subject: $0.subject, text: $0.text, figures: $0.figures, sampleSize: $0.sampleSize)
        }
    }

    static func streaks(_ outcomes: [(agent: String, success: Bool)]) -> [Advisory] {
        var byAgent: [String: [Bool]] = [:]
        for outcome in outcomes { byAgent[outcome.agent, default: []].append(outcome.success) }
        return byAgent.keys.sorted().compactMap { agent in
            let results = byAgent[agent]!
            guard let last = results.last else { return nil }
            let streak = results.reversed().prefix { $0 == last }.count
            guard streak >= minimumStreak else { return nil }
            let name = PersonaCatalog.persona(agent)?.name ?? agent
            let text =
                last
                ? "\(name) has completed its last \(streak) tasks in a row."
                : "\(name) has failed its last \(streak) tasks in a row; its bids rise until it recovers."
            return Advisory(kind: .streak, subject: agent, text: text, figures: ["streak": Double(streak)], sampleSize: results.count)
        }
    }

    static func latencies(_ calls: [ToolCallRecord]) -> [Advisory] {
        let byTool = Dictionary(grouping: calls.filter(\.success), by: \.tool)
        return byTool.keys.sorted().compactMap { tool in
            let durations = byTool[tool]!.map(\.durationMs)
            guard durations.count >= minimumSamples, let p50 = Statistics.median(durations),
                let p95 = Statistics.percentile(durations, 95)
            else { return nil }
            return Advisory(
                kind: .latency, subject: tool,
                text:
                    "\(tool) takes \(Statistics.milliseconds(p50)) at the median and \(Statistics.milliseconds(p95)) at p95 over \(durations.count) calls.",
                figures: ["p50_ms": p50, "p95_ms": p95], sampleSize: durations.count)
        }
    }

    /// "X is N% faster than Y" for the same tool run by different personas, and for different tools.
    static func comparisons(_ calls: [ToolCallRecord]) -> [Advisory] {
        let successful = calls.filter(\.success)
        var result: [Advisory] = []
        let byTool = Dictionary(grouping: successful, by: \.tool)
        for tool in byTool.keys.sorted() {
            let byAgent = Dictionary(grouping: byTool[tool]!, by: \.agent).filter { $0.value.count >= minimumSamples }
            let medians = byAgent.compactMapValues { Statistics.median($0.map(\.durationMs)) }.sorted { $0.value < $1.value }
            if let fastest = medians.first, let slowest = medians.last, fastest.key != slowest.key,
                let advisory = compare(
                    fastest.value, slowest.value, subject: tool,
                    names: ("\(display(fastest.key)) runs \(tool)", display(slowest.key)), verb: "",
                    samples: byAgent[fastest.key]!.count + byAgent[slowest.key]!.count)
            {
                result.append(advisory)
            }
        }
        let toolMedians = byTool.filter { $0.value.count >= minimumSamples }
            .compactMapValues { Statistics.median($0.map(\.durationMs)) }.sorted { $0.value < $1.value }
        if let fastest = toolMedians.first, let slowest = toolMedians.last, fastest.key != slowest.key,
            let advisory = compare(
                fastest.value, slowest.value, subject: "\(fastest.key) vs \(slowest.key)", names: (fastest.key, slowest.key), verb: "is ",
                samples: byTool[fastest.key]!.count + byTool[slowest.key]!.count)
        {
            result.append(advisory)
        }
        return result
    }

    private static func compare(_ fast: Double, _ slow: Double, subject: String, names: (String, String), verb: String, samples: Int) -> Advisory? {
        guard slow > 0 else { return nil }
        let saving = (slow - fast) / slow
        guard saving >= minimumDifference else { return nil }
        let percent = Int((saving * 100).rounded())
        return Advisory(
            kind: .comparison, subject: subject,
            text:
                "\(names.0) \(verb)\(percent)% faster than \(names.1) (median \(Statistics.milliseconds(fast)) vs \(Statistics.milliseconds(slow))).",
            figures: ["percent_faster": Double(percent), "fast_median_ms": fast, "slow_median_ms": slow], sampleSize: samples)
    }

    static func bidSpread(_ spreads: [(low: Int, high: Int)]) -> [Advisory] {
        let contested = spreads.filter { $0.high >= $0.low }
        guard contested.count >= minimumSamples else { return [] }
        let average = Double(contested.map { $0.high - $0.low }.reduce(0, +)) / Double(contested.count)
        let winning = Double(contested.map(\.low).reduce(0, +)) / Double(contested.count)
        let text = String(
            format: "Across the last %d auctions, bids spread %.1f sats between lowest and highest; the winning bid averaged %.1f sats.",
            contested.count, average, winning)
        return [
            Advisory(
                kind: .bidSpread, subject: "auctions", text: text, figures: ["average_spread": average, "average_winning_bid": winning],
                sampleSize: contested.count)
        ]
    }

    static func accuracy(_ predictions: [Prediction]) -> [Advisory] {
        let accuracy = PredictionAccuracy(predictions)
        guard accuracy.scored >= minimumSamples, let average = accuracy.averageScore, let winner = accuracy.winnerHitRate else { return [] }
        let winnerPercent = Int((winner * 100).rounded())
        return [
            Advisory(
                kind: .predictionAccuracy, subject: "predictions",
                text: String(
                    format: "Predictions scored %.2f on average over %d tasks; the winner was called right %d%% of the time.", average,
                    accuracy.scored, winnerPercent),
                figures: ["average_score": average, "winner_percent": Double(winnerPercent)], sampleSize: accuracy.scored)
        ]
    }

    static func display(_ agent: String) -> String { PersonaCatalog.persona(agent)?.name ?? agent }
}
