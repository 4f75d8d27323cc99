import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

@Suite("The assembler tools: recorded jobs, assets with sidecars, refusals that name the field")
struct AssemblerToolTests {
    /// A case: the tool, its arguments, the edit file's text (written to data/edit.json) if any, the field named, words of the message.
    typealias Case = (tool: String, arguments: [String: JSONValue], edit: String?, field: String, says: String)

    static let edit: [String: JSONValue] = ["edit": "data/edit.json"]
    static let cases: [Case] = [
        ("assemble_video", edit, #"{"clips": ["video/a.mp4"], "preset": "4k"}"#, "preset", "must be one of 480p"),
        ("assemble_video", edit, #"{"clips": ["video/a.mp4"], "transition": -1}"#, "transition", "must be 0.0 to 10.0 seconds, got -1"),
        (
            "assemble_video", edit, #"{"clips": ["video/a.mp4"], "captions": [{"start": 2, "end": 1, "text": "x"}]}"#, "captions[0].end",
            "must come after its start"
        ),
        ("assemble_video", edit, #"{"clips": ["video/a.mp4", "video/missing.mp4"]}"#, "clips[1]", "is not a file"),
        ("assemble_video", edit, #"{"clips": ["/etc/hostname"]}"#, "clips[0]", "outside the data folders"),
        ("assemble_video", edit.merging(["output": "/tmp/final.mp4"]) { $1 }, #"{"clips": ["video/a.mp4"]}"#, "output", "outside the allowed folder"),
        ("assemble_video", edit.merging(["output": "../video/final.mp4"]) { $1 }, #"{"clips": ["video/a.mp4"]}"#, "output", "outside"),
        ("assemble_video", edit.merging(["output": "p/final.mov"]) { $1 }, #"{"clips": ["video/a.mp4"]}"#, "output", "must name an .mp4"),
        ("assemble_video", ["edit": "/etc/passwd"], nil, "edit", "outside the data folders and the workspace"),
        ("assemble_video", edit, #"{"clips": "video/a.mp4"}"#, "clips", "must be a list"),
        ("stitch_clips", ["clips": ["data/video/a.mp4"], "transition": -0.5], nil, "transition", "between 0 and 10"),
        ("stitch_clips", ["clips": []], nil, "clips", "between 1 and 500"),
        ("stitch_clips", ["clips": ["data/video/a.mp4", "data/video/gone.mp4"]], nil, "clips[1]", "is not a file"),
        ("overlay_audio", ["video": "data/video/a.mp4", "music": "data/music/gone.wav"], nil, "music", "is not a file"),
        ("overlay_audio", ["video": "data/video/a.mp4", "music": "data/video/a.mp4", "fade": 40], nil, "fade", "between 0 and 30"),
        ("add_title_card", ["video": "data/video/a.mp4"], nil, "title", "or credits must be given"),
        ("add_title_card", ["video": "data/video/gone.mp4", "title": "T"], nil, "video", "is not a file"),
        ("add_subtitles", ["video": "data/video/a.mp4", "captions": "data/bad.srt"], nil, "captions[0].end", "must come after its start"),
        ("export_final", ["video": "data/video/a.mp4", "preset": "4k"], nil, "preset", "must be one of"),
        ("export_final", ["video": "data/video/a.mp4", "codec": "x264;rm"], nil, "codec", "FFmpeg video encoder"),
    ]

    @Test("refused with the field named; no job, asset, call, event or file", arguments: cases)
    func refused(_ tool: String, _ arguments: [String: JSONValue], _ edit: String?, _ field: String, _ says: String) async throws {
        let test = try await TestRuntime(workspaceFiles: [:])
        defer { Task { await test.stop() } }
        try test.folder.write("data/video/a.mp4", "not probed before the job runs")
        try test.folder.write("data/bad.srt", "1\n00:00:02,000 --> 00:00:01,000\nbackwards\n")
        if let edit { try test.folder.write("data/edit.json", edit) }
        do {
            _ = try await test.runtime.runTool(tool, persona: "reel", arguments: arguments)
            Issue.record("\(tool) accepted \(arguments)")
        } catch let error as ServiceError {
            guard case .invalid(let named, let message) = error else {
                Issue.record("not an input error: \(error)")
                return
            }
            #expect(named == "arguments.\(field)", "\(message)")
            #expect(message.contains(says), "\(message)")
        }
        let counts = try await test.store.read { db in
            try ["jobs", "assets", "tool_calls", "events"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
        #expect(counts == [0, 0, 0, 0])
        #expect(test.mediaFiles("video") == ["a.mp4"] && test.mediaFiles("creative").isEmpty)
    }

    @Test("stitch, lay music under, add cards, add subtitles, export: each a job with an asset, a sidecar and an .srt beside it")
    func chain() async throws {
        let test = try await TestRuntime(workspaceFiles: ["lyrics.srt": "1\n00:00:02,500 --> 00:00:04,000\nla: \"la\" %{la}\n"])
        defer { Task { await test.stop() } }
        let fixture = AssemblyFixture(folder: test.folder)
        try fixture.clip("a.mp4", seconds: 2, hue: 0, tone: 300)
        try fixture.clip("b.mp4", seconds: 2, hue: 200)
        try fixture.song(seconds: 3)
        let stitched = try await Self.asset(
            test, "stitch_clips", ["clips": ["data/video/a.mp4", "data/video/b.mp4"], "transition": 0.5], width: 854, duration: 3.5)
        let sidecar = try #require(JSONValue.parse(try String(contentsOfFile: stitched.sidecarPath, encoding: .utf8)))
        #expect(sidecar["backend"] == "ffmpeg" && sidecar["tool"] == "stitch_clips" && sidecar["parameters"]?["transition"] == 0.5)
        #expect(sidecar["details"]?["report"]?["ffmpeg_arguments"]?.arrayValue?.contains("-filter_complex") == true)
        #expect(sidecar["files"]?["srt"]?.stringValue == stitched.path.replacingOccurrences(of: ".mp4", with: ".srt"))
        let scored = try await Self.asset(
            test, "overlay_audio", ["video": .string(stitched.id), "music": "data/music/song.wav", "loudness": -16], width: 854, duration: 3.5)
        #expect(abs(try AssemblyFixture.loudness(URL(fileURLWithPath: scored.path)) - -16) <= 1)
        let titled = try await Self.asset(
            test, "add_title_card", ["video": .string(scored.path), "title": "Dawn\n日出", "credits": "Timmy", "seconds": 1], width: 854,
            duration: 5.5)
        let captioned = try await Self.asset(
            test, "add_subtitles", ["video": .string(titled.path), "captions": .string(test.workspace.appendingPathComponent("lyrics.srt").path)],
            width: 854, duration: 5.5)
        let srt = try String(contentsOfFile: captioned.path.replacingOccurrences(of: ".mp4", with: ".srt"), encoding: .utf8)
        #expect(
            srt.contains("00:00:02,500 --> 00:00:04,000\nla: \"la\" %{la}\n") && srt.hasPrefix("1\n00:00:00,000 --> 00:00:01,000\nDawn\n日出\n"),
            "\(srt)")
        let final = try await Self.asset(test, "export_final", ["video": .string(captioned.id), "preset": "720p"], width: 1280, duration: 5.5)
        let info = try MediaProbe.video(URL(fileURLWithPath: final.path))
        #expect(info.height == 720 && info.codec == "h264" && info.frames == 132)
        // The cards' words and the caption travel down the chain in the subtitle track.
        let track = try AssemblyFixture.subtitleTrack(URL(fileURLWithPath: final.path))
        #expect(track.contains("la: \"la\"") && track.contains("Dawn") && track.contains("Timmy"), "\(track)")
        let calls = try await test.store.read { db in try String.fetchAll(db, sql: "SELECT tool FROM tool_calls ORDER BY created_at") }
        #expect(calls == ["stitch_clips", "overlay_audio", "add_title_card", "add_subtitles", "export_final"])
    }

    @Test("assemble_video as Timmy writes the output it names inside creative_output_dir, its .srt beside it; Pixel may not assemble")
    func assembleToOutput() async throws {
        let test = try await TestRuntime(workspaceFiles: [:])
        defer { Task { await test.stop() } }
        let fixture = AssemblyFixture(folder: test.folder)
        try fixture.clip("a.mp4", seconds: 2)
        try test.folder.write(
            "data/creative/demo/edit.json",
            #"{"clips": ["../../video/a.mp4"], "title": {"text": "Demo", "seconds": 1}, "captions": [{"start": 1, "end": 2, "text": "hi"}]}"#)
        let response = try await test.runtime.runTool(
            "assemble_video", persona: "timmy", arguments: ["edit": "data/creative/demo/edit.json", "output": "demo/final.mp4"])
        let job = try #require(response.job)
        _ = try await test.runtime.jobs.wait(for: job.job.id)
        let detail = try await test.runtime.job(job.job.id)
        #expect(detail.job.status == .done, "\(detail.job.error ?? "")")
        #expect(detail.assets.isEmpty)
        let final = test.folder.file("data/creative/demo/final.mp4")
        #expect(abs(try MediaProbe.video(final).duration - 3) <= 0.1)
        #expect(try String(contentsOf: test.folder.file("data/creative/demo/final.srt"), encoding: .utf8).contains("Demo\n\n2\n"))
        #expect(detail.job.result?["data"]?["assembly"]?["output"]?.stringValue == final.path)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: test.folder.file("data/creative/demo").path).sorted() == [
                "edit.json", "final.mp4", "final.srt",
            ])
        await #expect(throws: ServiceError.self) {
            try await test.runtime.runTool("assemble_video", persona: "pixel", arguments: ["edit": "data/creative/demo/edit.json"])
        }
    }

    /// Runs a tool as Reel, expects one video asset of the width and duration, and returns it.
    static func asset(_ test: TestRuntime, _ tool: String, _ arguments: [String: JSONValue], width: Int, duration: Double) async throws -> AssetView {
        let detail = try await test.job(tool, as: "reel", arguments)
        #expect(detail.job.status == .done, "\(tool): \(detail.job.error ?? "")")
        let asset = try #require(detail.assets.first)
        #expect(asset.kind == .video && asset.width == width && abs((asset.duration ?? 0) - duration) <= 0.1, "\(tool): \(asset)")
        #expect(FileManager.default.fileExists(atPath: asset.sidecarPath))
        return asset
    }
}
