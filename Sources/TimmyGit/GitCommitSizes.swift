import Foundation
import TimmyCore

/// How many files each persona's commits carry, read from `git_commit` results.
struct GitCommitSizes: CallPattern {
    func findings(_ calls: [RecordedCall], minimumSamples: Int) -> [PatternFinding] {
        let tool = GitCommitTool().name
        let commits = calls.filter { $0.tool == tool && $0.success }
        let byAgent = Dictionary(grouping: commits, by: \.agent)
        return byAgent.keys.sorted().compactMap { agent in
            let files = byAgent[agent, default: []].compactMap { $0.data["commit"]?["files_changed"]?.intValue }
            guard files.count >= minimumSamples else { return nil }
            let average = Double(files.reduce(0, +)) / Double(files.count)
            let name = PersonaCatalog.persona(agent)?.name ?? agent
            return PatternFinding(
                subject: "\(tool):\(agent)",
                text: String(format: "Git commits from %@ average %.1f files per commit over %d commits.", name, average, files.count),
                figures: ["average_files": average], sampleSize: files.count)
        }
    }
}
