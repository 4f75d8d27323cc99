import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmySpark
import TimmyStore
import TimmySwarm
import TimmyTestSupport

@Suite("Swarm on a real SQLite file")
struct SwarmTests {
    @Test("listing the workspace: nine bids, a winner holding list_files, the real listing, every step recorded")
    func listFiles() async throws {
        try await withStopping(try await TestRuntime(workspaceFiles: ["README.md": "hi\n", "notes/plan.txt": "x\n"])) { test in
            let detail = try await test.post("list the files in the workspace")
            #expect(detail.task.status == .completed)
            #expect(detail.bids.count == 9)
            #expect(!detail.bids.contains { $0.agent == "timmy" })
            let winner = try #require(detail.task.winner)
            #expect(test.runtime.registry.toolkit(of: winner).contains("list_files"))
            let lowest = detail.bids.min { ($0.sats, $0.sequence) < ($1.sats, $1.sequence) }
            #expect(lowest?.agent == winner && lowest?.sats == detail.task.winningBid)
            #expect(detail.task.result?.contains("README.md") == true && detail.task.result?.contains("notes/") == true)
            #expect(detail.toolCalls.count == 1 && detail.toolCalls[0].success && detail.toolCalls[0].agent == winner)
            let types = detail.events.map(\.type)
            #expect(types.first == "task_posted" && types.last == "task_completed")
            #expect(types.filter { $0 == "bid_submitted" }.count == 9)
            for type in ["task_assigned", "task_started", "tool_executed"] { #expect(types.contains(type)) }
            let ledger = try await test.store.ledgerEntries()
            #expect(ledger.count == 1 && ledger[0].agent == winner && ledger[0].sats == detail.task.winningBid)
            let prediction = try #require(detail.prediction)
            #expect(prediction.score != nil && prediction.actualWinner == winner)
        }
    }

    @Test("a task no planner can serve fails at once with no auction and no claim of success")
    func noPlan() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let detail = try await test.post("paint the fence")
            #expect(detail.task.status == .failed)
            #expect(detail.task.failureReason == "no plan for this task")
            #expect(detail.bids.isEmpty && detail.toolCalls.isEmpty && detail.task.result == nil)
            #expect(detail.events.map(\.type) == ["task_posted", "task_failed"])
            #expect(try await test.store.ledgerEntries().isEmpty)
        }
    }

    @Test("only personas whose toolkit holds the plan's tools bid")
    func toolkitFiltersBidders() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let detail = try await test.post("write 'draft one' to draft.md")
            #expect(detail.task.status == .completed)
            #expect(Set(detail.bids.map(\.agent)) == ["forge", "helm", "quill"])
            #expect(detail.task.winner == "quill")  // "write" and "draft" are Quill's words
            #expect(try String(contentsOf: test.workspace.appendingPathComponent("draft.md"), encoding: .utf8) == "draft one")
        }
    }

    @Test("a failing tool fails the task with the tool's error")
    func toolFailure() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let detail = try await test.post("read missing.txt")
            #expect(detail.task.status == .failed)
            #expect(detail.task.failureReason?.contains("no file 'missing.txt'") == true)
            #expect(detail.toolCalls.count == 1 && !detail.toolCalls[0].success)
            #expect(detail.events.last?.type == "task_failed")
        }
    }

    @Test("a persona calling a tool outside its toolkit gets a clear error, recorded as a failed call")
    func outsideToolkit() async throws {
        try await withStopping(try await TestRuntime()) { test in
            await #expect(throws: ServiceError.self) {
                try await test.runtime.runTool("write_file", persona: "echo", arguments: ["path": "x.txt", "content": "no"])
            }
            let calls = try await test.store.toolCalls(tool: "write_file")
            #expect(calls.count == 1 && calls[0].success == false && calls[0].agent == "echo")
            #expect(calls[0].error?.contains("not in its toolkit") == true)
            #expect(!FileManager.default.fileExists(atPath: test.workspace.appendingPathComponent("x.txt").path))
            let events = try await test.store.events(type: "tool_executed")
            #expect(events.count == 1 && events[0].data["success"] == false)
        }
    }

    @Test("the same seed gives the same auctions")
    func seeded() async throws {
        var runs: [[Int]] = []
        for _ in 0..<2 {
            let test = try await TestRuntime(settings: [(Setting.seed, "42")])
            var sats: [Int] = []
            for _ in 0..<3 { sats += try await test.post("list the files in the workspace").bids.sorted { $0.agent < $1.agent }.map(\.sats) }
            runs.append(sats)
            await test.stop()
        }
        #expect(runs[0] == runs[1])
        #expect(Set(runs[0]).count > 3)
    }

    @Test("empty and oversized descriptions are refused and nothing is stored")
    func badInput() async throws {
        try await withStopping(try await TestRuntime()) { test async throws in
            await #expect(throws: ServiceError.invalid(field: "description", message: TaskInputError.emptyDescription.description)) {
                try await test.runtime.postTask("   ", wait: false)
            }
            await #expect(throws: ServiceError.self) { try await test.runtime.postTask(String(repeating: "x", count: 100_000), wait: false) }
            #expect(try await test.store.tasks().isEmpty)
            #expect(try await test.store.eventCount() == 0)
        }
    }

    @Test("memories are consolidated without duplicates")
    func memories() async throws {
        try await withStopping(try await TestRuntime()) { test in
            for _ in 0..<3 { _ = try await test.post("list the files in the workspace") }
            try await test.runtime.consolidator.consolidate()
            let first = try await test.store.memories()
            try await test.runtime.consolidator.consolidate()
            try await test.runtime.consolidator.consolidate()
            let again = try await test.store.memories()
            #expect(!first.isEmpty)
            #expect(again.count == first.count)
            #expect(Set(again.map { "\($0.kind)/\($0.subject)" }).count == again.count)
        }
    }

    @Test("after three outcomes the learner's factor shows in the bids")
    func learnerShowsInBids() async throws {
        try await withStopping(try await TestRuntime(settings: [(Setting.seed, "3")])) { test in
            for _ in 0..<4 { _ = try await test.post("read README.md") }
            let detail = try await test.post("read README.md")
            let winner = try #require(detail.bids.first { $0.agent == detail.task.winner })
            #expect(winner.learnerFactor == 0.85)  // Echo: 4 of 4 on "read"
            #expect(winner.sats == BidFormula.adjust(winner.baseSats, factor: 0.85))
        }
    }

    @Test("restart recovery fails in-flight tasks and leaves every other row alone")
    func recovery() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let database = try AppDatabase.open(directory: folder.url)
        let store = Store(database: database)
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // whole seconds survive the store's millisecond precision
        let done = TaskRecord(id: "done", description: "d", status: .completed, plan: [], createdAt: now)
        let running = TaskRecord(id: "running", description: "r", status: .running, plan: [], createdAt: now)
        let bidding = TaskRecord(id: "bidding", description: "b", status: .bidding, plan: [], createdAt: now)
        try await store.write { db, _ in
            for task in [done, running, bidding] { try task.insert(db) }
        }
        let recovered = try await store.recoverInterrupted()
        #expect(Set(recovered) == ["running", "bidding"])
        #expect(try await store.task("done") == done)
        #expect(try await store.task("running")?.failureReason == "interrupted by restart")
        #expect(try await store.events(type: "task_failed").count == 2)
        #expect(try await store.recoverInterrupted().isEmpty)
    }

    @Test("the ledger is append-only in the schema itself")
    func appendOnlyLedger() async throws {
        try await withStopping(try await TestRuntime()) { test in
            _ = try await test.post("list the files in the workspace")
            await #expect(throws: (any Error).self) {
                try await test.store.write { db, _ in try db.execute(sql: "UPDATE ledger_entries SET sats = 1000") }
            }
            await #expect(throws: (any Error).self) {
                try await test.store.write { db, _ in try db.execute(sql: "DELETE FROM ledger_entries") }
            }
            #expect(try await test.store.ledgerEntries().count == 1)
        }
    }

    @Test("credentials in URLs never reach the store, though the tool gets the real value")
    func credentialsRedacted() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let detail = try await test.post("write 'https://ann:s3cret@example.com/repo.git' to remote.txt")
            #expect(detail.task.status == .completed)
            let written = try String(contentsOf: test.workspace.appendingPathComponent("remote.txt"), encoding: .utf8)
            #expect(written == "https://ann:s3cret@example.com/repo.git")
            let stored = try await test.store.read { db in
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT description || plan FROM tasks UNION ALL SELECT arguments || result_summary FROM tool_calls UNION ALL SELECT data FROM events"
                )
            }
            #expect(!stored.isEmpty)
            #expect(stored.allSatisfy { !$0.contains("s3cret") })
            #expect(detail.task.description.contains("https://***@example.com"))
        }
    }
}
