import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmyTestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `timmy` binary, run as a user would.
@Suite("timmy as a process", .serialized)
struct ProcessTests {
    @Test("task post --wait lists the workspace; an unplannable task fails; the timeline shows every step")
    func cliAcceptance() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("hello.txt", "hi\n")
        let environment = ["TIMMY_PORT": String(TimmyBinary.freePort())]
        let posted = try TimmyBinary.run(
            ["task", "post", "list the files in the workspace", "--wait", "--json"], in: folder.url, environment: environment)
        #expect(posted.status == 0, "\(posted.output)")
        let detail = try JSONCoding.decoder().decode(TimmyAPI.TaskDetail.self, from: Data(posted.output.utf8))
        #expect(detail.task.status == .completed && detail.bids.count == 9)
        #expect(detail.task.result?.contains("hello.txt") == true)
        let failed = try TimmyBinary.run(["task", "post", "paint the fence", "--wait"], in: folder.url, environment: environment)
        #expect(failed.status == 1 && failed.output.contains("no plan for this task"))
        #expect(!failed.output.contains("completed"))
        let timeline = try TimmyBinary.run(["spark", "timeline", "--limit", "100"], in: folder.url, environment: environment)
        for type in ["task_posted", "bid_submitted", "task_assigned", "task_started", "tool_executed", "task_completed", "task_failed"] {
            #expect(timeline.output.contains(type), "\(type) missing from the timeline")
        }
        let bad = try TimmyBinary.run(["task", "post", "  "], in: folder.url, environment: environment)
        #expect(bad.status != 0 && bad.output.contains("description must not be empty"))
    }

    @Test("serving refuses a public address without a token")
    func refusesPublicWithoutToken() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let result = try TimmyBinary.run(["serve", "--host", "0.0.0.0", "--port", String(TimmyBinary.freePort())], in: folder.url)
        #expect(result.status != 0 && result.output.contains("TIMMY_AUTH_TOKEN"))
    }

    @Test("kill -9 while tasks run, then restart: in-flight tasks fail 'interrupted by restart', every other row is unchanged")
    func killAndRecover() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // Enough text for each search to take real time, so the queue is still busy when the server dies.
        for index in 0..<400 {
            try folder.write("corpus/file\(index).txt", String(repeating: "lorem ipsum dolor sit amet \(index)\n", count: 400))
        }
        let port = TimmyBinary.freePort()
        let log = folder.file("serve.log")
        let server = try TimmyBinary.serve(in: folder.url, port: port, log: log)
        try await TimmyBinary.waitForHealth(port: port)
        for _ in 0..<40 {
            let body = try JSONCoding.encoder().encode(["description": "search for 'needle' in corpus"])
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/tasks")!)
            request.httpMethod = "POST"
            request.httpBody = body
            _ = try await URLSession.shared.data(for: request)
        }
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()

        let before = try snapshot(folder.file("data"))
        let inFlight = before.tasks.filter { !["completed", "failed"].contains($0["status"]) }
        #expect(!inFlight.isEmpty, "no task was in flight when the server was killed")

        let restarted = try TimmyBinary.serve(in: folder.url, port: port, log: folder.file("serve2.log"))
        try await TimmyBinary.waitForHealth(port: port)
        restarted.terminate()
        restarted.waitUntilExit()
        let after = try snapshot(folder.file("data"))

        let beforeByID = Dictionary(uniqueKeysWithValues: before.tasks.map { ($0["id"]!, $0) })
        #expect(after.tasks.count == before.tasks.count)
        for task in after.tasks {
            let old = try #require(beforeByID[task["id"]!])
            if ["completed", "failed"].contains(old["status"]) {
                #expect(task == old)
            } else {
                #expect(task["status"] == "failed" && task["failure_reason"] == "interrupted by restart")
            }
        }
        #expect(after.bids == before.bids && after.ledger == before.ledger && after.toolCalls == before.toolCalls)
        #expect(Array(after.events.prefix(before.events.count)) == before.events)
        let added = after.events.dropFirst(before.events.count)
        #expect(added.count == inFlight.count && added.allSatisfy { $0.contains("task_failed") })
        let logText = try String(contentsOf: folder.file("serve2.log"), encoding: .utf8)
        #expect(logText.components(separatedBy: "interrupted by restart").count == 2, "reported once in the log")
    }

    private struct Snapshot {
        var tasks: [[String: String]] = []
        var bids: [String] = []
        var events: [String] = []
        var ledger: [String] = []
        var toolCalls: [String] = []
    }

    private func snapshot(_ data: URL) throws -> Snapshot {
        let database = try DatabaseQueue(path: data.appendingPathComponent("timmy.sqlite").path)
        return try database.read { db in
            func rows(_ sql: String) throws -> [String] {
                try Row.fetchAll(db, sql: sql).map { $0.description }
            }
            var snapshot = Snapshot()
            snapshot.tasks = try Row.fetchAll(db, sql: "SELECT * FROM tasks ORDER BY id").map { row in
                Dictionary(
                    uniqueKeysWithValues: row.columnNames.map { name in
                        let value: DatabaseValue = row[name]
                        return (name, String.fromDatabaseValue(value) ?? value.description)
                    })
            }
            snapshot.bids = try rows("SELECT * FROM bids ORDER BY id")
            snapshot.events = try rows("SELECT * FROM events ORDER BY id")
            snapshot.ledger = try rows("SELECT * FROM ledger_entries ORDER BY id")
            snapshot.toolCalls = try rows("SELECT * FROM tool_calls ORDER BY id")
            return snapshot
        }
    }
}
