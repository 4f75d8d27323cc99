import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyDirector
import TimmyStore
import TimmySwarm
import TimmyTestSupport

/// Projects run in process against a real store, the sketch backend and FFmpeg, at 30 s to keep
/// the suite short: every step recorded with its hashes, one scene re-rendered alone, the
/// approval gate with an edit honoured, and bad input refused with nothing written.
@Suite("Director projects", .serialized)
struct DirectorProjectTests {
    static let prompt = "a music video about a sunrise over mountains"

    @Test(
        "a 30 s project: every step a row with its job, persona and hashes; project.json; final.mp4 and final.srt; then rerun-scene 2 remakes only scene 2 and the final"
    )
    func projectAndRerun() async throws {
        let test = try await TestRuntime()
        defer { Task { await test.stop() } }
        let detail = try await DirectorFixtures.make(test, CreateProjectRequest(prompt: Self.prompt, duration: 30, backend: "sketch", seed: 11))
        #expect(detail.project.status == .completed, "\(detail.project.error ?? "")")
        let steps = detail.steps
        #expect(steps.filter { $0.kind == .storyboard }.count == 3)
        #expect(steps.filter { $0.kind == .clips }.count >= 3)
        #expect(steps.allSatisfy { $0.status == .done })
        for step in steps where step.kind != .script {
            #expect(step.jobIds.count == 1, "\(step.kind) \(step.ordinal)")
            #expect(step.persona == ["storyboard": "pixel", "music": "lyra", "clips": "reel", "assembly": "timmy"][step.kind.rawValue])
            for asset in step.outputs["assets"]?.arrayValue ?? [] {
                let path = try #require(asset["path"]?.stringValue)
                #expect(path.hasPrefix(detail.project.folder + "/"))
                #expect(try DirectorFixtures.sha256(path) == asset["sha256"]?.stringValue)
            }
            let job = try await test.runtime.job(step.jobIds[0])
            #expect(job.job.status == .done && job.job.persona == step.persona)
        }
        let video = try #require(detail.project.finalVideo)
        let info = try MediaProbe.video(URL(fileURLWithPath: video))
        #expect(info.codec == "h264" && info.width == 854 && info.height == 480 && abs(info.duration - 30) <= 0.1)
        let streams = try MediaProbe.run("ffprobe", ["-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", video])
        #expect(streams.split(separator: "\n").map(String.init) == ["h264", "aac", "mov_text"])
        let manifest = try JSONCoding.decoder().decode(
            JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: detail.project.folder).appendingPathComponent("project.json")))
        #expect(manifest["status"] == "completed" && manifest["seed"] == 11)
        let listed = Set((manifest["assets"]?.arrayValue ?? []).compactMap { $0["sha256"]?.stringValue })
        #expect(listed == Set(DirectorFixtures.hashes(detail).values.flatMap { $0 }))
        #expect(manifest["timings"]?["clips"]?.doubleValue ?? 0 > 0)
        let events = try await test.store.events(type: "creative_step", agent: nil, limit: 1000)
        #expect(events.contains { $0.data["step"] == "assembly" && $0.data["status"] == "done" && $0.data["output"]?.stringValue == video })
        #expect(events.contains { $0.data["step"] == "music" && $0.data["status"] == "done" && $0.data["duration_ms"] != nil && $0.agent == "lyra" })

        let before = DirectorFixtures.hashes(detail)
        _ = try await test.runtime.rerunScene(detail.project.id, RerunSceneRequest(scene: 2, seed: 4242))
        let after = try await DirectorFixtures.settle(test, detail.project.id)
        #expect(after.project.status == .completed)
        let scenes = DirectorFixtures.clipScenes(after)
        for (key, hashes) in DirectorFixtures.hashes(after) {
            let parts = key.split(separator: " ")
            let ordinal = Int(parts[1])!
            let remade =
                switch parts[0] {
                case "storyboard": ordinal == 2
                case "clips": scenes[ordinal] == 2
                case "assembly": true
                default: false
                }
            #expect((hashes != before[key]) == remade, "\(key)")
        }
        let keyframe = try #require(after.steps.first { $0.kind == .storyboard && $0.ordinal == 2 })
        #expect(keyframe.inputs["seed"] == 4242 && keyframe.jobIds.count == 2)
        let image = try await test.runtime.job(keyframe.jobIds[1])
        #expect(image.job.tool == "generate_image")
    }

    @Test("pause_after storyboard stops before the music; a scene edited meanwhile is honoured after approve")
    func approval() async throws {
        let test = try await TestRuntime()
        defer { Task { await test.stop() } }
        let paused = try await DirectorFixtures.make(
            test, CreateProjectRequest(prompt: Self.prompt, duration: 30, backend: "sketch", pauseAfter: "storyboard", seed: 5))
        #expect(paused.project.status == .awaitingApproval)
        #expect(Set(paused.steps.map(\.kind)) == [.script, .storyboard])
        #expect(test.mediaFiles("music").isEmpty)
        let before = DirectorFixtures.hashes(paused)
        let words = "a lighthouse on a cliff at night in the fog"
        let edited = try await test.runtime.editProject(paused.project.id, EditProjectRequest(scenes: [SceneEdit(scene: 2, description: words)]))
        #expect(edited.script["scenes"]?.arrayValue?[1]["description"]?.stringValue == words)
        await #expect(throws: ServiceError.self) { try await test.runtime.resumeProject(paused.project.id) }
        _ = try await test.runtime.approveProject(paused.project.id)
        let done = try await DirectorFixtures.settle(test, paused.project.id)
        #expect(done.project.status == .completed && done.project.approved)
        let after = DirectorFixtures.hashes(done)
        #expect(after["storyboard 1"] == before["storyboard 1"] && after["storyboard 3"] == before["storyboard 3"])
        #expect(after["storyboard 2"] != before["storyboard 2"])
        let keyframe = try #require(done.steps.first { $0.kind == .storyboard && $0.ordinal == 2 })
        let lastJob = try #require(keyframe.jobIds.last)
        let asset = try #require(try await test.runtime.job(lastJob).assets.first)
        #expect(asset.prompt == words)
        let clip = try #require(done.steps.first { $0.kind == .clips && $0.scene == 2 })
        #expect(clip.inputs["keyframe"]?.stringValue == after["storyboard 2"]?.first)
    }

    @Test("bad input is refused with the field named, and nothing is written")
    func badInput() async throws {
        let test = try await TestRuntime()
        defer { Task { await test.stop() } }
        let broken = "title: x\nscenes:\n  - title: a\n    description: b\n    shots:\n      - {description: c, seconds: 0}\nlyrics: []\n"
        let cases: [(CreateProjectRequest, String)] = [
            (CreateProjectRequest(prompt: "x", duration: 10), "duration"), (CreateProjectRequest(prompt: "x", duration: 1000), "duration"),
            (CreateProjectRequest(prompt: "x", genre: "polka"), "genre"), (CreateProjectRequest(prompt: "x", style: "noir"), "style"),
            (CreateProjectRequest(prompt: "x", resolution: "1080p"), "resolution"), (CreateProjectRequest(prompt: ""), "prompt"),
            (CreateProjectRequest(prompt: "x", script: broken, scriptName: "s.yaml"), "script.scenes[0].shots[0].seconds"),
        ]
        for (request, field) in cases {
            do {
                _ = try await test.runtime.createProject(request)
                Issue.record("accepted \(request)")
            } catch let error as ServiceError {
                #expect(error.field == field, "\(error)")
                if field.hasPrefix("script.") { #expect(error.description.contains("s.yaml: line 6: scenes[0].shots[0].seconds")) }
            }
        }
        #expect(try await test.store.projects().isEmpty)
        #expect(try await test.store.events(type: "creative_step", agent: nil, limit: 10).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: test.folder.file("data/creative").path))
        for id in ["..", "../x", "a/b", "..%2F"] {
            await #expect(throws: ServiceError.notFound("no project with id '\(id)'")) { try await test.runtime.project(id) }
        }
    }

    @Test("hostile title, lyrics and credits (quotes, %{…}, \\, :, newlines, right-to-left, CJK) render and appear verbatim in the .srt")
    func hostileText() async throws {
        let test = try await TestRuntime()
        defer { Task { await test.stop() } }
        let title = "He said \"go\": 100% {fast}\n%{pts} back\\slash"
        let lines = [
            ("verse", "It's \"quoted\": 50% %{localtime} \\N"), ("verse", "a:b\\c {\\i1} 'single'"),
            ("chorus", "שלום עולם, from right to left"), ("chorus", "日の出の山 · 山の上"),
        ]
        let credits = "Credits: \"all\" %{n}\\\nמזל טוב · 謝謝"
        let script: JSONValue = [
            "title": .string(title), "credits": .string(credits),
            "scenes": [
                ["title": "one", "description": "mountains at dawn", "shots": [["description": "slow zoom in", "seconds": 10]]],
                ["title": "two", "description": "a lake by day", "shots": [["description": "pan left", "seconds": 10]]],
                ["title": "three", "description": "hills at sunset", "shots": [["description": "zoom out", "seconds": 10]]],
            ],
            "lyrics": .array(
                lines.enumerated().map {
                    ["time": .double(4 + Double($0.offset) * 4), "text": .string($0.element.1), "section": .string($0.element.0)]
                }),
        ]
        let detail = try await DirectorFixtures.make(
            test, CreateProjectRequest(prompt: "hostile", duration: 30, backend: "sketch", script: script.jsonText, scriptName: "hostile.json"))
        #expect(detail.project.status == .completed, "\(detail.project.error ?? "")")
        #expect(detail.project.title == title && detail.project.scriptSource == "file")
        let srt = try String(contentsOfFile: try #require(detail.project.subtitles), encoding: .utf8)
        #expect(srt.contains(title) && srt.contains(credits))
        let sung = detail.steps.first { $0.kind == .music }?.outputs["phrases"]?.arrayValue?.compactMap { $0["line"]?.stringValue } ?? []
        #expect(sung.count >= 4)
        for line in sung { #expect(srt.contains(line), "\(line)") }
        for (_, line) in lines { #expect(sung.contains(line), "not sung: \(line)") }
    }
}
