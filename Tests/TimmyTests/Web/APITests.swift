import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

@Suite("JSON API on a real loopback server")
struct APITests {
    @Test("health reports version, uptime, store and agents")
    func health() async throws {
        try await withStopping(try await LiveServer()) { server in
            let (status, body) = try await server.json("GET", "/health")
            #expect(status == 200)
            #expect(body["status"] == "ok")
            #expect(body["version"]?.stringValue?.isEmpty == false)
            #expect(body["store"]?["status"] == "ok")
            if case .array(let agents)? = body["agents"] { #expect(agents.count == 9) } else { Issue.record("no agents") }
        }
    }

    @Test("a posted task runs to completion and its record carries bids, tool calls and events")
    func postAndFetch() async throws {
        try await withStopping(try await LiveServer()) { server in
            let (status, posted) = try await server.json("POST", "/api/tasks", ["description": "list the files in the workspace", "wait": true])
            #expect(status == 201)
            let id = try #require(posted["task"]?["id"]?.stringValue)
            let (fetchStatus, detail) = try await server.json("GET", "/api/tasks/\(id)")
            #expect(fetchStatus == 200)
            #expect(detail["task"]?["status"] == "completed")
            if case .array(let bids)? = detail["bids"] { #expect(bids.count == 9) } else { Issue.record("no bids") }
            if case .array(let calls)? = detail["toolCalls"] { #expect(calls.count == 1) } else { Issue.record("no tool calls") }
            let (_, list) = try await server.json("GET", "/api/tasks?status=completed")
            if case .array(let tasks)? = list["tasks"] { #expect(tasks.count == 1) } else { Issue.record("no list") }
            for path in [
                "/api/personas", "/api/tools", "/api/spark/timeline", "/api/spark/advisories", "/api/spark/predictions", "/api/spark/status",
                "/api/ledger",
            ] {
                #expect(try await server.request("GET", path).status == 200, "\(path)")
            }
            let (_, timeline) = try await server.json("GET", "/api/spark/timeline?type=tool_executed")
            if case .array(let events)? = timeline["events"] { #expect(events.count == 1) } else { Issue.record("no events") }
        }
    }

    @Test("bad input gets a clear 4xx naming the problem, and nothing is stored")
    func badInput() async throws {
        try await withStopping(try await LiveServer()) { server in
            let empty = try await server.json("POST", "/api/tasks", ["description": ""])
            #expect(empty.status == 422 && empty.value["error"]?["field"] == "description")
            let huge = try await server.json("POST", "/api/tasks", ["description": .string(String(repeating: "a", count: 100_000))])
            #expect(huge.status == 422 && huge.value["error"]?["field"] == "description")
            let nul = try await server.json("POST", "/api/tasks", ["description": "list the files\u{0} now"])
            #expect(nul.status == 422 && nul.value["error"]?["field"] == "description")
            #expect(nul.value["error"]?["message"]?.stringValue?.contains("U+0000 at character 15") == true)
            let malformed = try await server.request("POST", "/api/tasks", body: Data(#"{"description": "list"#.utf8))
            #expect(malformed.status == 400)
            let wrongType = try await server.json("POST", "/api/tasks", ["description": 5])
            #expect(wrongType.status == 422 && wrongType.value["error"]?["field"] == "description")
            let missing = try await server.json("POST", "/api/tasks", ["wait": true])
            #expect(missing.status == 422 && missing.value["error"]?["field"] == "description")
            let unknown = try await server.json("GET", "/api/tasks/does-not-exist")
            #expect(unknown.status == 404 && unknown.value["error"]?["message"]?.stringValue?.contains("does-not-exist") == true)
            let badStatus = try await server.json("GET", "/api/tasks?status=done")
            #expect(badStatus.status == 422)
            let noRoute = try await server.request("GET", "/api/nothing-here")
            #expect(noRoute.status == 404)
            #expect(try await server.test.store.tasks().isEmpty)
            #expect(try await server.test.store.eventCount() == 0)
        }
    }

    @Test("running a tool outside the persona's toolkit is 403 and recorded; unknown tools are 404")
    func toolRuns() async throws {
        try await withStopping(try await LiveServer()) { server in
            let ok = try await server.json("POST", "/api/tools/read_file/run", ["persona": "echo", "arguments": ["path": "README.md"]])
            #expect(ok.status == 200 && ok.value["result"]?["text"]?.stringValue?.contains("hello") == true)
            let forbidden = try await server.json(
                "POST", "/api/tools/write_file/run", ["persona": "echo", "arguments": ["path": "x", "content": "y"]])
            #expect(forbidden.status == 403)
            #expect(forbidden.value["error"]?["message"]?.stringValue?.contains("not in its toolkit") == true)
            let unknownTool = try await server.json("POST", "/api/tools/rm_rf/run", ["persona": "echo"])
            #expect(unknownTool.status == 404)
            let badArgument = try await server.json("POST", "/api/tools/read_file/run", ["persona": "echo", "arguments": ["path": 3]])
            #expect(badArgument.status == 422 && badArgument.value["error"]?["field"] == "arguments.path")
            let failed = try await server.json("POST", "/api/tools/read_file/run", ["persona": "echo", "arguments": ["path": "nope.txt"]])
            #expect(failed.status == 422)
            let calls = try await server.test.store.toolCalls()
            #expect(calls.map(\.success) == [true, false, false])
        }
    }

    @Test("200 tasks posted concurrently each end with exactly one winner; none lost or duplicated")
    func concurrentPosts() async throws {
        try await withStopping(try await LiveServer()) { server in
            // Each post answers at once (no `wait`), so none sits in URLSession's queue for its timeout; results
            // are collected, never thrown inside the group, so one failure cannot cancel the others mid-request.
            let answers = await withTaskGroup(of: Result<String?, any Error>.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let description = index % 2 == 0 ? "list the files in the workspace" : "read README.md"
                        do {
                            let answer = try await server.json("POST", "/api/tasks", ["description": .string(description)])
                            return .success(answer.value["task"]?["id"]?.stringValue)
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let failures = answers.compactMap { if case .failure(let error) = $0 { error } else { nil } }
            #expect(failures.isEmpty, "\(failures.count) posts failed, the first: \(failures.first.map { "\($0)" } ?? "")")
            let ids = answers.compactMap { try? $0.get() }.compactMap { $0 }
            for id in ids { _ = try await server.test.runtime.swarm.wait(for: id) }
            #expect(ids.count == 200 && Set(ids).count == 200)
            let tasks = try await server.test.store.tasks(limit: 500)
            #expect(tasks.count == 200)
            #expect(tasks.allSatisfy { $0.status == .completed && $0.winner != nil })
            let perTask = try await server.test.store.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT (SELECT COUNT(*) FROM events e WHERE e.task_id = t.id AND e.type = 'task_assigned') AS assigned,
                               (SELECT COUNT(*) FROM ledger_entries l WHERE l.task_id = t.id) AS credits,
                               (SELECT COUNT(*) FROM bids b WHERE b.task_id = t.id) AS bids
                        FROM tasks t
                        """
                ).map { [$0["assigned"] as Int, $0["credits"] as Int, $0["bids"] as Int] }
            }
            #expect(perTask.allSatisfy { $0 == [1, 1, 9] })
        }
    }

    @Test("the task list follows every write: a kept answer is never served after the store changed")
    func taskListFollowsWrites() async throws {
        try await withStopping(try await LiveServer()) { server in
            let empty = try await server.json("GET", "/api/tasks")
            #expect(empty.value["tasks"] == [] && empty.value["counts"]?["completed"] == 0)
            _ = try await server.json("POST", "/api/tasks", ["description": "list the files in the workspace", "wait": true])
            let one = try await server.json("GET", "/api/tasks")
            if case .array(let tasks)? = one.value["tasks"] { #expect(tasks.count == 1) } else { Issue.record("no tasks") }
            #expect(one.value["counts"]?["completed"] == 1)
            #expect(try await server.json("GET", "/api/tasks?status=failed").value["tasks"] == [])
        }
    }

    @Test("tool usage and auctions are served from the recorded calls and bids")
    func usageAndAuctions() async throws {
        try await withStopping(try await LiveServer()) { server in
            #expect(try await server.json("GET", "/api/tools/usage").value["tools"] == [])
            let posted = try await server.json("POST", "/api/tasks", ["description": "list the files in the workspace", "wait": true])
            let winner = try #require(posted.value["task"]?["winner"]?.stringValue)
            let usage = try await server.json("GET", "/api/tools/usage").value
            #expect(usage["tools"]?.arrayValue?.first?["tool"] == "list_files")
            #expect(usage["tools"]?.arrayValue?.first?["total"]?["calls"] == 1)
            #expect(usage["tools"]?.arrayValue?.first?["agents"]?.arrayValue?.first?["agent"]?.stringValue == winner)
            let auctions = try await server.json("GET", "/api/auctions?limit=5").value
            let auction = try #require(auctions["auctions"]?.arrayValue?.first)
            #expect(auction["task"]?["id"] == posted.value["task"]?["id"] && auction["bids"]?.arrayValue?.count == 9)
            #expect(try await server.json("GET", "/api/auctions?limit=0").status == 422)
        }
    }
}
