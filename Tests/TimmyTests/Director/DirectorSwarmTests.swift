import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmyDirector
import TimmyStore
import TimmySwarm
import TimmyTestSupport

/// The Director in the swarm: the script from the (fake) language model, with the template when
/// the model fails, and a "make a music video about …" task planned to the Director.
@Suite("Director with the swarm and the model", .serialized)
struct DirectorSwarmTests {
    static let script: JSONValue = [
        "title": "Rain on the Harbour",
        "scenes": [
            ["title": "Dawn", "description": "boats in grey light at dawn", "shots": [["description": "slow zoom in", "seconds": 8]]],
            ["title": "Storm", "description": "rain on the water, a storm", "shots": [["description": "pan left", "seconds": 12]]],
            ["title": "Night", "description": "harbour lights at night", "shots": [["description": "pull back", "seconds": 10]]],
        ],
        "lyrics": [["time": 4, "text": "grey light on the water", "section": "verse"], ["time": 12, "text": "rain comes in", "section": "chorus"]],
    ]

    static func withModel(_ turns: [FakeTurn], _ body: (TestRuntime) async throws -> Void) async throws {
        let server = try await FakeModelServer(turns)
        let test = try await TestRuntime(
            settings: [(Setting.llmProvider, "ollama"), (Setting.llmURL, server.baseURL), (Setting.llmModel, "qwen3")])
        var failure: (any Error)?
        do { try await body(test) } catch { failure = error }
        await test.stop()
        await server.stop()
        if let failure { throw failure }
    }

    @Test("a script written by the fake model becomes the project's scenes and lyrics, and its call is recorded")
    func modelScript() async throws {
        try await Self.withModel([.answer("Here:\n```json\n\(Self.script.jsonText)\n```")]) { test in
            let detail = try await test.runtime.createProject(
                CreateProjectRequest(prompt: "a music video about rain on a harbour", duration: 30, pauseAfter: "script"))
            #expect(detail.project.scriptSource == "llm" && detail.project.scriptNote == nil)
            #expect(detail.project.title == "Rain on the Harbour" && detail.project.status == .awaitingApproval)
            #expect(
                detail.script["scenes"]?.arrayValue?.compactMap { $0["description"]?.stringValue } == [
                    "boats in grey light at dawn", "rain on the water, a storm", "harbour lights at night",
                ])
            #expect(detail.script["lyrics"]?.arrayValue?.compactMap { $0["text"]?.stringValue } == ["grey light on the water", "rain comes in"])
            let purposes = try await test.store.read { db in try String.fetchAll(db, sql: "SELECT purpose FROM model_calls") }
            #expect(purposes == ["script"])
        }
    }

    @Test("a malformed script from the model falls back to the template, and the project says why")
    func malformedScript() async throws {
        try await Self.withModel([.answer(#"{"title": "x", "scenes": [], "lyrics": []}"#)]) { test in
            let detail = try await test.runtime.createProject(
                CreateProjectRequest(prompt: "a music video about rain on a harbour", duration: 30, pauseAfter: "script"))
            #expect(detail.project.scriptSource == "template")
            #expect(detail.project.scriptNote?.contains("the model's script was invalid: scenes must be an array of 1 to 12 scenes") == true)
            #expect(detail.script["scenes"]?.arrayValue?.count == 3)
            #expect(detail.steps.first?.outputs["note"]?.stringValue == detail.project.scriptNote)
            let manifest = try String(contentsOfFile: detail.project.folder + "/project.json", encoding: .utf8)
            #expect(manifest.contains("the model's script was invalid"))
        }
    }

    @Test(
        "\"make a music video about …\" is planned to the Director: Reel wins, the steps' jobs belong to the task, and the result names the project and final.mp4"
    )
    func plannedTask() async throws {
        let test = try await TestRuntime()
        defer { Task { await test.stop() } }
        let detail = try await test.post("make a 30-second music video about rain on a harbour")
        #expect(detail.task.status == .completed, "\(detail.task.failureReason ?? "")")
        #expect(detail.task.winner == "reel")
        #expect(detail.task.plan.map(\.tool) == ["create_music_video"])
        let project = try #require(try await test.store.projects().first)
        #expect(project.taskId == detail.task.id && project.status == .completed && project.duration == 30)
        #expect(detail.task.result?.contains(project.id) == true && detail.task.result?.contains("final.mp4") == true)
        let jobs = try await test.store.jobs(limit: 100)
        #expect(!jobs.isEmpty && jobs.allSatisfy { $0.taskId == detail.task.id })
        #expect(detail.toolCalls.contains { $0.tool == "create_music_video" && $0.success })
    }
}
