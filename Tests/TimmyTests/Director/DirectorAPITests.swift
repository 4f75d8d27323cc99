import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyTestSupport

/// `/api/creative/projects` on the real server: create, list, show, edit, the conflicts and the
/// 4xx answers naming the field, 404 for ids with `..` or `/`, and the project's event stream.
@Suite("Director API")
struct DirectorAPITests {
    @Test("create (paused after the script), list, show, edit the script, follow; conflicts are 409")
    func lifecycle() async throws {
        let server = try await LiveServer()
        defer { Task { await server.stop() } }
        let created = try await server.json(
            "POST", "/api/creative/projects", ["prompt": "a music video about a sunrise", "duration": 30, "pauseAfter": "script", "genre": "folk"])
        #expect(created.status == 201)
        let id = try #require(created.value["project"]?["id"]?.stringValue)
        #expect(created.value["project"]?["status"] == "awaiting_approval" && created.value["project"]?["genre"] == "folk")
        #expect(created.value["steps"]?.arrayValue?.first?["kind"] == "script")
        let list = try await server.json("GET", "/api/creative/projects")
        #expect(list.status == 200 && list.value["projects"]?.arrayValue?.first?["id"]?.stringValue == id)
        let edited = try await server.json(
            "PATCH", "/api/creative/projects/\(id)/script",
            [
                "scenes": [["scene": 1, "description": "a frozen lake at dawn"]],
                "lyrics": [["time": 3, "text": "ice and light", "section": "verse"]],
            ])
        #expect(edited.status == 200)
        #expect(edited.value["script"]?["scenes"]?.arrayValue?.first?["description"] == "a frozen lake at dawn")
        #expect(edited.value["script"]?["lyrics"]?.arrayValue?.count == 1)
        let resumed = try await server.json("POST", "/api/creative/projects/\(id)/resume")
        #expect(resumed.status == 409 && resumed.value["error"]?["kind"] == "conflict")
        let badScene = try await server.json("POST", "/api/creative/projects/\(id)/rerun-scene", ["scene": 9])
        #expect(badScene.status == 422 && badScene.value["error"]?["field"] == "scene")
        let badEdit = try await server.json("PATCH", "/api/creative/projects/\(id)/script", ["scenes": [["scene": 0, "description": "x"]]])
        #expect(badEdit.status == 422 && badEdit.value["error"]?["field"] == "scenes")
        let events = try await server.send("GET", "/api/creative/projects/\(id)/events")
        #expect(events.status == 200 && events.headers["content-type"]?.hasPrefix("text/event-stream") == true)
        #expect(events.text.hasPrefix("event: project\ndata: {"))
        #expect(events.text.contains("\"awaiting_approval\""))
    }

    @Test("bad input is a 4xx naming the field and writes nothing; an id with .. or / is a 404")
    func refusals() async throws {
        let server = try await LiveServer()
        defer { Task { await server.stop() } }
        let bad: [([String: JSONValue], String)] = [
            (["prompt": "x", "duration": 5], "duration"), (["prompt": "x", "genre": "polka"], "genre"), (["prompt": "x", "style": "noir"], "style"),
            (["prompt": "x", "resolution": "8k"], "resolution"), (["prompt": "x", "pauseAfter": "music"], "pauseAfter"),
            (["prompt": "x", "script": "title: [", "scriptName": "a.yaml"], "script"), (["duration": 30], "prompt"),
        ]
        for (body, field) in bad {
            let answer = try await server.json("POST", "/api/creative/projects", body)
            #expect(answer.status == 422, "\(body)")
            #expect(answer.value["error"]?["field"]?.stringValue == field, "\(answer.value)")
        }
        #expect(try await server.json("GET", "/api/creative/projects").value["projects"]?.arrayValue?.isEmpty == true)
        for path in [
            "/api/creative/projects/a..b", "/api/creative/projects/%2E%2E", "/api/creative/projects/..%2Fetc", "/api/creative/projects/no-such-1",
        ] {
            let answer = try await server.send("GET", path)
            #expect(answer.status == 404, "\(path): \(answer.status)")
        }
        #expect(try await server.send("POST", "/api/creative/projects/..%2F..%2Fx/approve").status == 404)
    }
}
