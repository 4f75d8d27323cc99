import Foundation
import TimmyCore

/// How long pull requests stay open before they are merged, and who merges them, read from the
/// recorded results of `git_pr_merge` (which carry the forge's opened and merged times).
struct PullRequestMerges: CallPattern {
    func findings(_ calls: [RecordedCall], minimumSamples: Int) -> [PatternFinding] {
        let tool = GitPRMergeTool().name
        let merges = calls.filter { $0.tool == tool && $0.success && $0.data["pull_request"]?["state"]?.stringValue == "merged" }
        guard merges.count >= minimumSamples else { return [] }
        var findings: [PatternFinding] = []
        let hours = merges.compactMap(Self.hoursOpen)
        if hours.count >= minimumSamples {
            findings.append(
                PatternFinding(
                    subject: "\(tool):time_to_merge",
                    text: String(
                        format: "Pull requests merged through Timmy were open a median of %@ before merging (%d merges).",
                        Self.shown(Self.median(hours)), hours.count),
                    figures: ["median_hours": Self.median(hours), "mean_hours": hours.reduce(0, +) / Double(hours.count)],
                    sampleSize: hours.count))
        }
        let byAgent = Dictionary(grouping: merges, by: \.agent)
        for agent in byAgent.keys.sorted() {
            let mine = byAgent[agent, default: []]
            let name = PersonaCatalog.persona(agent)?.name ?? agent
            let share = Double(mine.count) / Double(merges.count)
            var figures = ["merges": Double(mine.count), "share": share]
            var text = String(format: "%@ merged %d of %d pull requests (%.0f%%)", name, mine.count, merges.count, share * 100)
            let own = mine.compactMap(Self.hoursOpen)
            if !own.isEmpty {
                figures["median_hours"] = Self.median(own)
                text += ", a median of \(Self.shown(Self.median(own))) after they were opened"
            }
            findings.append(PatternFinding(subject: "\(tool):\(agent)", text: text + ".", figures: figures, sampleSize: merges.count))
        }
        return findings
    }

    /// Hours from the forge's `created_at` to its `merged_at`, when the result has both.
    static func hoursOpen(_ call: RecordedCall) -> Double? {
        let pull = call.data["pull_request"]
        guard let opened = pull?["created_at"]?.stringValue.flatMap(date), let merged = pull?["merged_at"]?.stringValue.flatMap(date),
            merged >= opened
        else { return nil }
        return merged.timeIntervalSince(opened) / 3600
    }

    private static func date(_ text: String) -> Date? { try? Date(text, strategy: .iso8601) }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// "42 minutes", "3.5 hours", "2.1 days".
    private static func shown(_ hours: Double) -> String {
        if hours < 1 { return String(format: "%.0f minutes", hours * 60) }
        if hours < 48 { return String(format: "%.1f hours", hours) }
        return String(format: "%.1f days", hours / 24)
    }
}
