import Foundation
import TimmyStore

/// Patterns in recorded git work, e.g. how many files each persona's commits carry.
enum GitPatterns {
    static func advisories(_ calls: [ToolCallRecord]) -> [Advisory] {
        let commits = calls.filter { $0.tool == "git_commit" && $0.success }
        let byAgent = Dictionary(grouping: commits, by: \.agent)
        return byAgent.keys.sorted().compactMap { agent in
            let files = byAgent[agent]!.compactMap(\.filesChanged)
            guard files.count >= Advisor.minimumSamples else { return nil }
            let average = Double(files.reduce(0, +)) / Double(files.count)
            return Advisory(
                kind: .pattern, subject: "git_commit:\(agent)",
                text: String(
                    format: "Git commits from %@ average %.1f files per commit over %d commits.", Advisor.display(agent), average, files.count),
                figures: ["average_files": average], sampleSize: files.count)
        }
    }
}

extension ToolCallRecord {
    /// The file count a git commit summary reports ("… 3 files changed …"), when present.
    var filesChanged: Int? {
        guard let range = resultSummary.range(of: #"(\d+) files? changed"#, options: .regularExpression) else { return nil }
        return Int(resultSummary[range].split(separator: " ").first ?? "")
    }
}
