import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

@Suite("Creative validation: every bad value refused, naming the field, with nothing written")
struct ValidationTests {
    /// A case: the tool, its persona, arguments that break one rule, the field named, and words of the message.
    typealias Case = (tool: String, persona: String, arguments: [String: JSONValue], field: String, says: String)

    static let image: [String: JSONValue] = ["prompt": "a hill"]
    static let song: [String: JSONValue] = ["lyrics": "la la la"]
    static let clip: [String: JSONValue] = ["prompt": "clouds"]
    /// An image inside the data folders that every test folder has.
    static let source: JSONValue = "data/images/source.png"

    static let cases: [Case] = [
        ("generate_image", "pixel", image.merging(["width": 250]) { $1 }, "width", "multiple of 16 between 256 and 2048"),
        ("generate_image", "pixel", image.merging(["width": 1000]) { $1 }, "width", "multiple of 16"),
        ("generate_image", "pixel", image.merging(["width": 2064]) { $1 }, "width", "2048"),
        ("generate_image", "pixel", image.merging(["height": 240]) { $1 }, "height", "between 256 and 2048"),
        ("generate_storyboard", "pixel", ["scenes": ["a"], "height": 4096], "height", "2048"),
        ("generate_image", "pixel", image.merging(["steps": 0]) { $1 }, "steps", "between 1 and 100"),
        ("generate_image", "pixel", image.merging(["steps": 101]) { $1 }, "steps", "between 1 and 100"),
        ("generate_storyboard", "pixel", ["scenes": []], "scenes", "between 1 and 64"),
        ("generate_storyboard", "pixel", ["scenes": .array(Array(repeating: "a hill", count: 65))], "scenes", "between 1 and 64"),
        ("generate_storyboard", "pixel", ["scenes": ["a hill", " "]], "scenes", "empty"),
        ("image_variations", "pixel", ["image": source, "count": 0], "count", "between 1 and 8"),
        ("image_variations", "pixel", ["image": source, "count": 9], "count", "between 1 and 8"),
        ("image_variations", "pixel", ["image": source, "strength": 1.5], "strength", "between 0 and 1"),
        ("generate_song", "lyra", song.merging(["duration": 9]) { $1 }, "duration", "between 10 and 600"),
        ("generate_song", "lyra", song.merging(["duration": 601]) { $1 }, "duration", "between 10 and 600"),
        ("generate_instrumental", "lyra", ["prompt": "rain", "duration": 5], "duration", "between 10 and 600"),
        ("generate_instrumental", "lyra", ["prompt": "rain", "duration": 900], "duration", "between 10 and 600"),
        ("generate_video_clip", "reel", clip.merging(["duration": 0.5]) { $1 }, "duration", "between 1 and 10 seconds, got 0.5"),
        ("generate_video_clip", "reel", clip.merging(["duration": 11]) { $1 }, "duration", "between 1 and 10"),
        ("generate_video_clip", "reel", clip.merging(["fps": 7]) { $1 }, "fps", "between 8 and 60"),
        ("generate_video_clip", "reel", clip.merging(["fps": 61]) { $1 }, "fps", "between 8 and 60"),
        ("generate_song", "lyra", song.merging(["genre": "polka"]) { $1 }, "genre", "hip-hop"),
        ("generate_instrumental", "lyra", ["prompt": "rain", "genre": "polka"], "genre", "cinematic"),
        ("generate_vocals", "lyra", ["lyrics": "la", "style": "polka"], "style", "lo-fi"),
        ("generate_video_clip", "reel", clip.merging(["style": "noir"]) { $1 }, "style", "timelapse"),
        ("generate_video_clip", "reel", clip.merging(["resolution": "1080p"]) { $1 }, "resolution", "480p, 720p"),
        ("generate_song", "lyra", song.merging(["language": "xx"]) { $1 }, "language", "en, es"),
        ("generate_vocals", "lyra", ["lyrics": "la", "language": "klingon"], "language", "must be one of"),
        ("generate_image", "pixel", ["prompt": ""], "prompt", "empty"),
        ("generate_image", "pixel", ["prompt": "   \n "], "prompt", "empty"),
        ("generate_image", "pixel", ["prompt": .string(String(repeating: "a", count: 20_001))], "prompt", "at most 20000 characters"),
        ("generate_video_clip", "reel", ["prompt": ""], "prompt", "empty"),
        ("generate_instrumental", "lyra", ["prompt": " "], "prompt", "empty"),
        ("generate_song", "lyra", ["lyrics": ""], "lyrics", "empty"),
        ("generate_vocals", "lyra", ["lyrics": .string(String(repeating: "la ", count: 7000))], "lyrics", "at most 20000"),
        ("image_to_video", "reel", ["image": source, "prompt": ""], "prompt", "empty"),
        ("image_to_video", "reel", ["image": "missing.png", "prompt": "zoom in"], "image", "outside the data folders"),
        ("image_variations", "pixel", ["image": "/etc/hostname"], "image", "outside the data folders"),
        ("image_variations", "pixel", ["image": "data/../outside.png"], "image", "outside the data folders"),
        ("image_to_video", "reel", ["image": "00000000-0000-0000-0000-000000000000", "prompt": "zoom in"], "image", "names no image asset"),
        ("generate_image", "pixel", image.merging(["backend": "worker"]) { $1 }, "backend", "cannot be 'worker': the worker cannot make this here"),
        ("generate_image", "pixel", image.merging(["seed": -1]) { $1 }, "seed", "between 0 and 4294967295"),
        ("image_variations", "pixel", ["image": "data/images"], "image", "not a file"),
        ("generate_song", "lyra", song.merging(["tempo": 20]) { $1 }, "tempo", "between 40 and 240"),
        ("generate_vocals", "lyra", ["lyrics": "la", "duration": 9], "duration", "between 10 and 600"),
        ("generate_vocals", "lyra", ["lyrics": "la", "duration": 601], "duration", "between 10 and 600 seconds, got 601"),
        ("generate_storyboard", "pixel", ["scenes": ["a"], "width": 1000], "width", "multiple of 16"),
        ("generate_storyboard", "pixel", ["scenes": ["a"], "steps": 101], "steps", "between 1 and 100"),
        ("image_to_video", "reel", ["image": source, "prompt": "zoom in", "duration": 11], "duration", "between 1 and 10"),
        ("image_to_video", "reel", ["image": source, "prompt": "zoom in", "fps": 61], "fps", "between 8 and 60"),
        ("image_to_video", "reel", ["image": source, "prompt": "zoom in", "resolution": "4k"], "resolution", "480p, 720p"),
        ("image_variations", "pixel", ["image": source, "strength": -0.1], "strength", "between 0 and 1"),
        ("generate_image", "pixel", image.merging(["width": "wide"]) { $1 }, "width", "must be integer"),
        ("generate_image", "pixel", image.merging(["colour": "red"]) { $1 }, "colour", "unknown argument"),
    ]

    @Test("refused with a clear error naming the field; no job, asset, call, event or file", arguments: cases)
    func refused(_ tool: String, _ persona: String, _ arguments: [String: JSONValue], _ field: String, _ says: String) async throws {
        try await withStopping(try await TestRuntime(workspaceFiles: [:])) { test in
            try test.folder.write("outside.png", "not really a png")
            try test.folder.write("data/images/source.png", "a source image")
            do {
                _ = try await test.runtime.runTool(tool, persona: persona, arguments: arguments)
                Issue.record("\(tool) accepted \(arguments.keys.sorted())")
            } catch let error as ServiceError {
                guard case .invalid(let named, let message) = error else {
                    Issue.record("not an input error: \(error)")
                    return
                }
                #expect(named == "arguments.\(field)")
                #expect(message.contains(says), "\(message)")
            }
            let counts = try await test.store.read { db in
                try ["jobs", "assets", "tool_calls", "events"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
            }
            #expect(counts == [0, 0, 0, 0])
            #expect(test.mediaFiles("images") == ["source.png"] && test.mediaFiles("music").isEmpty && test.mediaFiles("video").isEmpty)
            #expect(!FileManager.default.fileExists(atPath: test.folder.file("data/jobs").path) || test.mediaFiles("jobs").isEmpty)
        }
    }

    @Test("through the HTTP API a refusal is 422 naming arguments.<field>, and the CLI says the same")
    func surfaces() async throws {
        try await withStopping(try await LiveServer()) { server in
            let refused = try await server.json(
                "POST",
                "/api/tools/generate_image/run",
                ["persona": "pixel", "arguments": ["prompt": "x", "width": 100]]
            )
            #expect(refused.status == 422 && refused.value["error"]?["field"] == "arguments.width")
            let worker = try await server.json(
                "POST",
                "/api/tools/generate_song/run",
                ["persona": "lyra", "arguments": ["lyrics": "la", "backend": "worker"]]
            )
            #expect(
                worker.status == 422
                    && worker.value["error"]?["message"]?.stringValue?.contains("cannot be 'worker': the worker cannot make this here") == true)
            let outside = try await server.json("POST", "/api/tools/generate_image/run", ["persona": "reel", "arguments": ["prompt": "x"]])
            #expect(outside.status == 403)
            #expect(try await server.test.store.jobs().isEmpty)
            let folder = try TemporaryDirectory()
            defer { folder.remove() }
            let cli = try TimmyBinary.run(
                ["video", "clouds", "--fps", "5"],
                in: folder.url,
                environment: ["TIMMY_PORT": String(TimmyBinary.freePort())]
            )
            #expect(cli.status != 0 && cli.output.contains("argument 'fps' must be between 8 and 60"), "\(cli.output)")
            let videos = (try? FileManager.default.contentsOfDirectory(atPath: folder.file("data/video").path)) ?? []
            #expect(videos.isEmpty)
        }
    }
}
