import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

@Suite("Git tasks through the swarm")
struct GitSwarmTests {
    /// A swarm whose git_default_repo_dir is the fixture's, holding `demo`.
    static func runtime(_ fixture: GitFixture) async throws -> TestRuntime {
        try await TestRuntime(settings: [(Setting.gitDefaultRepoDir, fixture.repos.path)])
    }

    @Test("'commit all changes in demo with message …' completes: Forge or Helm wins, the commit is in git log, the calls are recorded")
    func commitAllChanges() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try await withStopping(try await Self.runtime(fixture)) { test in
            try fixture.write("notes.txt", "one\ntwo\n")
            try fixture.write("todo.md", "- ship\n")
            let detail = try await test.post("commit all changes in demo with message 'add notes'")
            #expect(detail.task.status == .completed, "\(detail.task.failureReason ?? "")")
            #expect(Set(detail.bids.map(\.agent)) == ["forge", "helm"])
            #expect(["forge", "helm"].contains(detail.task.winner ?? ""))
            #expect(detail.toolCalls.map(\.tool) == ["git_add", "git_commit"] && detail.toolCalls.allSatisfy(\.success))
            #expect(detail.toolCalls.allSatisfy { $0.agent == detail.task.winner })
            let log = try await fixture.git(["log", "-1", "--format=%s|%an", "--name-only"])
            #expect(log.hasPrefix("add notes|Test Author") && log.contains("todo.md") && log.contains("notes.txt"))
            #expect(detail.toolCalls[1].resultSummary.contains("2 files changed"))
            #expect(detail.task.result?.contains("add notes") == true)
            #expect(try await fixture.git(["status", "--porcelain"]).isEmpty)
        }
    }

    @Test(
        "Forge and Helm win git tasks by their keywords",
        arguments: [("git status of demo", ["forge", "helm"]), ("push demo", ["helm"])] as [(String, Set<String>)])
    func keywordsWin(_ description: String, _ winners: Set<String>) async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try await withStopping(try await Self.runtime(fixture)) { test in
            let detail = try await test.post(description)
            #expect(detail.task.status == .completed, "\(detail.task.failureReason ?? "")")
            #expect(winners.contains(detail.task.winner ?? ""))
            let winning = try #require(detail.bids.first { $0.agent == detail.task.winner })
            #expect(!winning.matchedKeywords.isEmpty)
        }
    }

    @Test("a failing git task fails with the tool's error, recorded as a failed call")
    func failure() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try await withStopping(try await Self.runtime(fixture)) { test in
            let detail = try await test.post("commit demo with message 'nothing here'")
            #expect(detail.task.status == .failed)
            #expect(detail.task.failureReason?.contains("nothing to commit") == true)
            #expect(detail.toolCalls.count == 1 && !detail.toolCalls[0].success)
            let outside = try await test.post("git status of /etc")
            #expect(outside.task.failureReason?.contains("outside the folders the git tools may use") == true)
        }
    }

    @Test("git tool calls through the service are recorded, and refused for personas without the tool")
    func serviceCalls() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try await withStopping(try await Self.runtime(fixture)) { test in
            let response = try await test.runtime.runTool("git_log", persona: "echo", arguments: ["repo": "demo", "max_count": 1])
            #expect(response.call?.success == true && response.result?.summary.contains("1 commit") == true)
            await #expect(throws: ServiceError.self) { try await test.runtime.runTool("git_push", persona: "echo", arguments: ["repo": "demo"]) }
            let calls = try await test.store.toolCalls(tool: "git_push")
            #expect(calls.count == 1 && !calls[0].success)
        }
    }
}
