import Foundation
import Synchronization
import Testing
import TimmyCore
import TimmyLLM
import TimmyTestSupport

/// The Director's script from the model: validated against its schema, one repair round, and the
/// template (with the reason) when the model fails. No Director calls it yet.
@Suite("Script writer")
struct ScriptWriterTests {
    static let template = DirectorScript(
        title: "Template", scenes: [.init(title: "Opening", description: "a wide shot", shots: [.init(description: "wide", seconds: 4)])], lyrics: [])

    static let good: JSONValue = [
        "title": "Rain on the Harbour",
        "scenes": [
            [
                "title": "Dawn", "description": "boats in grey light",
                "shots": [["description": "wide harbour", "seconds": 4], ["description": "gulls", "seconds": 3]],
            ],
            ["title": "Storm", "description": "rain on the water", "shots": [["description": "rain close-up", "seconds": 5]]],
        ],
        "lyrics": [["time": 0.5, "text": "grey light on the water"], ["time": 6, "text": "rain comes in"]],
    ]

    /// Counts the model calls the writer reports.
    final class Reports: Sendable {
        let items = Mutex<[ModelCallReport]>([])
        func add(_ report: ModelCallReport) { items.withLock { $0.append(report) } }
        var all: [ModelCallReport] { items.withLock { $0 } }
    }

    static func write(_ turns: [FakeTurn]) async throws -> (ScriptDraft, [ModelCallReport], [FakeModelServer.Received]) {
        let server = try await FakeModelServer(turns)
        let reports = Reports()
        let model = LLMConfiguration(provider: .ollama, url: server.baseURL, model: "qwen3").client()
        let draft = await ScriptWriter(model: model) { reports.add($0) }.write("a song about rain on a harbour") { template }
        let received = await server.received
        await server.stop()
        return (draft, reports.all, received)
    }

    @Test("a script written by the fake model becomes the scenes, shots and timed lyrics")
    func written() async throws {
        let (draft, reports, _) = try await Self.write([.answer("Here it is:\n```json\n\(Self.good.jsonText)\n```")])
        #expect(draft.source == .llm && draft.note == nil)
        #expect(draft.script.title == "Rain on the Harbour")
        #expect(draft.script.scenes.map(\.title) == ["Dawn", "Storm"])
        #expect(draft.script.scenes[0].shots.map(\.seconds) == [4, 3])
        #expect(draft.script.lyrics.map(\.time) == [0.5, 6])
        #expect(draft.script.seconds == 12)
        #expect(reports.map(\.purpose) == ["script"])
    }

    @Test("a malformed script gets one repair round with the error, then succeeds")
    func repaired() async throws {
        var broken = Self.good
        if case .object(var object) = broken {
            object["scenes"] = []
            broken = .object(object)
        }
        let (draft, reports, received) = try await Self.write([.answer(broken.jsonText), .answer(Self.good.jsonText)])
        #expect(draft.source == .llm)
        #expect(reports.count == 2)
        let repair = received[1].body["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        #expect(repair.contains("scenes must be an array of 1 to 12 scenes"))
    }

    @Test("a script still malformed after the repair round falls back to the template, and says why")
    func fallsBack() async throws {
        let lateLyric: JSONValue = [
            "title": "x", "scenes": [["title": "a", "description": "b", "shots": [["description": "c", "seconds": 2]]]],
            "lyrics": [["time": 9, "text": "too late"]],
        ]
        let (draft, _, _) = try await Self.write([.answer(lateLyric.jsonText)])
        #expect(draft.source == .template)
        #expect(draft.script == Self.template)
        #expect(draft.note?.contains("lyrics[0].time must be a second from 0 to the film's length") == true)
    }

    @Test("an unreachable model falls back to the template with the model's error")
    func unreachable() async throws {
        let model = LLMConfiguration(provider: .openai, url: FakeModelServer.closedURL(), model: "qwen3", timeout: .seconds(2)).client()
        let draft = await ScriptWriter(model: model) { _ in }.write("anything") { Self.template }
        #expect(draft.source == .template)
        #expect(draft.note?.contains("llm_url") == true)
    }
}
