import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmyTestSupport

@testable import TimmySpark

@Suite("Advisor")
struct AdvisorTests {
    func call(_ tool: String, _ agent: String, _ ms: Double, success: Bool = true, summary: String = "ok") -> ToolCallRecord {
        ToolCallRecord(
            taskId: nil, agent: agent, tool: tool, arguments: [:], success: success, resultSummary: summary, error: nil, durationMs: ms,
            createdAt: Date())
    }

    @Test("latency percentiles and 'N% faster' comparisons come from recorded calls only")
    func latencyAndComparison() throws {
        let calls =
            (1...10).map { call("read_file", "echo", Double($0)) } + (1...10).map { call("read_file", "forge", Double($0) * 2) }
            + (1...10).map { call("search_files", "echo", Double($0) * 10) }
        let latency = Advisor.latencies(calls)
        let read = try #require(latency.first { $0.subject == "read_file" })
        #expect(read.figures["p50_ms"] == 7)  // nearest rank 10 of the 20 samples 1…10 and 2,4…20
        #expect(read.sampleSize == 20)
        let comparisons = Advisor.comparisons(calls)
        let byAgent = comparisons.first { $0.subject == "read_file" }
        #expect(byAgent?.text == "Echo runs read_file 50% faster than Forge (median 5.00 ms vs 10.0 ms).")
        let byTool = comparisons.first { $0.subject == "read_file vs search_files" }
        #expect(byTool?.figures["percent_faster"] == 86)  // medians 7 ms and 50 ms
    }

    @Test("no advisory without enough samples")
    func quietWithoutData() {
        let calls = (1...4).map { call("read_file", "echo", Double($0)) }
        #expect(Advisor.latencies(calls).isEmpty)
        #expect(Advisor.comparisons(calls).isEmpty)
        #expect(Advisor.streaks([("echo", true), ("echo", true)]).isEmpty)
        #expect(Advisor.accuracy([]).isEmpty)
    }

    @Test("streaks name the persona and the run length")
    func streaks() {
        let outcomes = [("forge", true)] + Array(repeating: ("forge", false), count: 4) + Array(repeating: ("quill", true), count: 3)
        let advisories = Advisor.streaks(outcomes)
        #expect(
            advisories.map(\.text) == [
                "Forge has failed its last 4 tasks in a row; its bids rise until it recovers.", "Quill has completed its last 3 tasks in a row.",
            ])
    }

    @Test("git commit patterns average the files each persona's commits carry")
    func gitPatterns() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = Store(database: try AppDatabase.open(directory: folder.url))
        for files in [1, 2, 3, 2, 2] {
            try await store.recordToolCall(call("git_commit", "forge", 5, summary: "committed abc1234: \(files) files changed"))
        }
        let advisories = try await Advisor(store: store).advisories()
        #expect(advisories.contains { $0.text == "Git commits from Forge average 2.0 files per commit over 5 commits." })
    }
}
