import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

/// The LLM planner in the swarm, against a fake model server on loopback: the rules go first, the
/// model plans the rest with the winner's tools, and every model call and tool call is recorded.
@Suite("LLM planner")
struct LLMPlannerTests {
    /// Only Echo's words: "summarise". Echo may read but not write files.
    static let task = "summarise the notes in the workspace"

    static func runtime(
        _ server: FakeModelServer?, provider: String = "ollama", url: String? = nil, extra: [(any SettingKey, String)] = [],
        environment: [String: String] = [:]
    ) async throws -> TestRuntime {
        var settings: [(any SettingKey, String)] = [(Setting.llmProvider, provider), (Setting.llmModel, "qwen3")]
        if let url = url ?? server?.baseURL { settings.append((Setting.llmURL, url)) }
        return try await TestRuntime(
            settings: settings + extra, workspaceFiles: ["notes.md": "ship the planner on friday\n"], environment: environment)
    }

    /// Runs `body` against a runtime that plans with a fake model replying `turns`, then stops both,
    /// whether `body` passed or threw.
    static func withPlanner(
        _ turns: [FakeTurn], provider: String = "ollama", extra: [(any SettingKey, String)] = [], environment: [String: String] = [:],
        _ body: (TestRuntime, FakeModelServer) async throws -> Void
    ) async throws {
        let server = try await FakeModelServer(turns)
        let test = try await runtime(server, provider: provider, extra: extra, environment: environment)
        var failure: (any Error)?
        do { try await body(test, server) } catch { failure = error }
        await test.stop()
        await server.stop()
        if let failure { throw failure }
    }

    @Test(
        "a two-step plan: a tool call, its result fed back, then the answer; both model calls and the tool call recorded",
        arguments: ["ollama", "openai"])
    func twoSteps(provider: String) async throws {
        try await Self.withPlanner(
            [.call("read_file", ["path": "notes.md"]), .answer("The notes say to ship the planner on friday.")], provider: provider
        ) { test, server in
            let detail = try await test.post(Self.task)
            #expect(detail.task.status == .completed)
            #expect(detail.task.winner == "echo")
            #expect(detail.task.result == "The notes say to ship the planner on friday.")
            #expect(detail.toolCalls.count == 1)
            #expect(detail.toolCalls.first?.tool == "read_file" && detail.toolCalls.first?.success == true)
            let calls = try await test.store.modelCalls(task: detail.task.id)
            #expect(calls.map(\.step) == [1, 2])
            #expect(calls.allSatisfy { $0.success && $0.model == "qwen3" && $0.purpose == "plan" && $0.provider == provider })
            #expect(calls.map(\.toolCalls) == [["read_file"], []])
            #expect(calls.allSatisfy { $0.promptTokens == 40 && $0.completionTokens == 12 })
            let types = detail.events.map(\.type)
            #expect(types.filter { $0 == "model_call" }.count == 2)
            #expect(types.firstIndex(of: "tool_executed")! > types.firstIndex(of: "model_call")!)
            let received = await server.received
            #expect(received.count == 2)
            let offered = Set(received[0].body["tools"]?.arrayValue?.compactMap { $0["function"]?["name"]?.stringValue } ?? [])
            #expect(offered == test.runtime.registry.toolkit(of: "echo"))
            let fedBack = received[1].body["messages"]?.arrayValue?.last
            #expect(fedBack?["role"] == "tool")
            #expect(fedBack?["content"]?.stringValue?.contains("ship the planner on friday") == true)
            let report = try await test.runtime.modelReport()
            #expect(report.planners.first { $0.planner == "llm" }?.completed == 1)
            let usage = try #require(report.models.first { $0.model == "qwen3" })
            #expect(usage.provider == provider && usage.calls == 2 && usage.failures == 0)
            #expect(usage.tokenSamples == 2 && usage.averagePromptTokens == 40 && usage.averageCompletionTokens == 12)
        }
    }

    @Test("arguments of the wrong type get one repair round with the validation error, then the call runs")
    func repairSucceeds() async throws {
        try await Self.withPlanner([
            .call("read_file", ["path": 42]), .call("read_file", ["path": "notes.md"]), .answer("Ship on friday."),
        ]) { test, server in
            let detail = try await test.post(Self.task)
            #expect(detail.task.status == .completed)
            #expect(detail.task.result == "Ship on friday.")
            #expect(detail.toolCalls.count == 1 && detail.toolCalls[0].success)
            let repair = await server.received[1].body["messages"]?.arrayValue?.last
            #expect(repair?["role"] == "tool")
            #expect(repair?["content"]?.stringValue?.contains("argument 'path' must be") == true)
            #expect(try await test.store.modelCalls(task: detail.task.id).count == 3)
        }
    }

    @Test("a second bad call fails the task with the validation error and the model's own words")
    func repairFails() async throws {
        var bad = FakeTurn.call("read_file", ["path": 42])
        bad.pieces = ["I will read file number 42."]
        try await Self.withPlanner([bad]) { test, server in
            let detail = try await test.post(Self.task)
            #expect(detail.task.status == .failed)
            let reason = try #require(detail.task.failureReason)
            #expect(reason.contains("still invalid after a repair round"))
            #expect(reason.contains("argument 'path' must be"))
            #expect(reason.contains("I will read file number 42."))
            #expect(detail.toolCalls.isEmpty)
            #expect(await server.received.count == 2)
        }
    }

    @Test("a call outside the winner's toolkit is refused and recorded, and the task fails honestly")
    func toolkitRule() async throws {
        try await Self.withPlanner([.call("write_file", ["path": "notes.md", "content": "pwned"])]) { test, server in
            let detail = try await test.post(Self.task)
            #expect(detail.task.winner == "echo")
            #expect(detail.task.status == .failed)
            #expect(detail.task.failureReason?.contains("may not call 'write_file'") == true)
            #expect(detail.toolCalls.count == 1)
            #expect(detail.toolCalls.first?.success == false && detail.toolCalls.first?.resultSummary == ToolInvoker.refusedSummary)
            #expect(try String(contentsOf: test.workspace.appendingPathComponent("notes.md"), encoding: .utf8) == "ship the planner on friday\n")
            let offered = await server.received[0].body["tools"]?.arrayValue?.compactMap { $0["function"]?["name"]?.stringValue } ?? []
            #expect(!offered.contains("write_file"))
        }
    }

    @Test("a model that never stops calling tools is cut off at llm_max_steps")
    func maxSteps() async throws {
        try await Self.withPlanner([.call("list_files", [:])], extra: [(Setting.llmMaxSteps, "3")]) { test, server in
            let detail = try await test.post(Self.task)
            #expect(detail.task.status == .failed)
            #expect(detail.task.failureReason?.contains("stopped after 3 model calls (setting llm_max_steps)") == true)
            #expect(await server.received.count == 3)
            #expect(try await test.store.modelCalls(task: detail.task.id).count == 3)
            #expect(detail.toolCalls.count == 3)
        }
    }

    @Test("an unreachable llm_url fails the task within the timeout, naming the URL and the setting")
    func unreachable() async throws {
        let url = FakeModelServer.closedURL()
        try await withStopping(try await Self.runtime(nil, url: url, extra: [(Setting.llmTimeoutSeconds, "60")])) { test in
            let detail = try await test.post(Self.task)
            #expect(detail.task.status == .failed)
            #expect(detail.task.failureReason?.contains(url) == true)
            #expect(detail.task.failureReason?.contains("llm_url") == true)
            // The call's own recorded time, not the whole task's: the auction around it may wait on a busy suite.
            let calls = try await test.store.modelCalls(task: detail.task.id)
            #expect(calls.count == 1 && calls[0].success == false)
            #expect(calls.allSatisfy { $0.durationMs < 60_000 })
        }
    }

    @Test("direct commands still go to the rules, and llm_provider none sends nothing at all")
    func rulesFirstAndNone() async throws {
        let server = try await FakeModelServer([.answer("should never be asked")])
        let configured = try await Self.runtime(server)
        let direct = try await configured.post("list the files in the workspace")
        #expect(direct.task.status == .completed)
        #expect(try await configured.store.modelCalls(task: direct.task.id).isEmpty)
        await configured.stop()
        let off = try await Self.runtime(server, provider: "none")
        let detail = try await off.post(Self.task)
        #expect(detail.task.failureReason == "no plan for this task")
        #expect(await server.received.isEmpty)
        await off.stop()
        await server.stop()
    }

    @Test("the API key reaches the server but no row, event or log of the store")
    func keyNeverStored() async throws {
        let secret = "sk-never-store-\(UUID().uuidString)"
        try await Self.withPlanner([FakeTurn(failure: (401, "bad key"))], provider: "openai", environment: ["TIMMY_LLM_API_KEY": secret]) {
            test, server in
            let detail = try await test.post(Self.task)
            #expect(detail.task.status == .failed)
            #expect(detail.task.failureReason?.contains("bad key") == true)
            #expect(await server.received.first?.authorization == "Bearer \(secret)")
            try await test.store.database.writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            for file in try FileManager.default.contentsOfDirectory(atPath: test.folder.file("data").path) {
                let bytes = try Data(contentsOf: test.folder.file("data/\(file)"))
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file) holds the key")
            }
        }
    }
}
