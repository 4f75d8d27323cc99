import Foundation
import Testing
import TimmyCore
import TimmyStore

@testable import TimmySpark

/// The Director's advisor patterns, from recorded rows only: silent below the minimum sample, always with the sample size.
@Suite("Director advisor patterns")
struct DirectorPatternTests {
    func call(_ tool: String, _ ms: Double, _ arguments: [String: JSONValue]) -> ToolCallRecord {
        ToolCallRecord(
            taskId: nil, agent: "pixel", tool: tool, arguments: arguments, success: true, resultSummary: "ok", error: nil, durationMs: ms,
            createdAt: Date())
    }

    @Test("storyboard time per frame against single images, only with five of each")
    func storyboardFrames() throws {
        let boards = (1...5).map { _ in call("generate_storyboard", 1200, ["scenes": ["a", "b", "c", "d"]]) }
        let images = (1...5).map { _ in call("generate_image", 500, ["prompt": "x"]) }
        #expect(DirectorPatterns.storyboardFrames(boards + images.dropLast(), minimum: 5).isEmpty)
        let finding = try #require(DirectorPatterns.storyboardFrames(boards + images, minimum: 5).first)
        #expect(finding.figures["storyboard_ms_per_frame"] == 300 && finding.figures["image_ms"] == 500 && finding.sampleSize == 10)
        #expect(finding.text.contains("5 storyboard calls, 5 image calls"))
    }

    @Test("completion rate by genre counts finished projects only")
    func completion() throws {
        let projects: [(genre: String, status: ProjectStatus)] =
            Array(repeating: ("pop", .completed), count: 4) + [("pop", .failed), ("pop", .running), ("rock", .completed)]
        let findings = DirectorPatterns.completion(projects, minimum: 5)
        #expect(findings.count == 1)
        #expect(findings[0].text == "pop music videos complete 80% of the time (4 of 5 projects).")
        #expect(findings[0].sampleSize == 5)
    }

    @Test("clip time per second of video at 480p against 720p")
    func clipSeconds() throws {
        let low = (1...5).map { _ in call("image_to_video", 4000, ["duration": 5.0, "resolution": "480p"]) }
        let high = (1...5).map { _ in call("image_to_video", 10000, ["duration": 5.0, "resolution": "720p"]) }
        #expect(DirectorPatterns.clipSeconds(Array(low.prefix(4)), minimum: 5).isEmpty)
        let findings = DirectorPatterns.clipSeconds(low + high, minimum: 5)
        #expect(findings.map(\.subject) == ["image_to_video at 480p", "image_to_video at 720p"])
        #expect(findings[0].figures["seconds_per_video_second"] == 0.8 && findings[0].figures["other_seconds_per_video_second"] == 2)
        #expect(findings[1].text == "At 720p a clip takes 2.00 s per second of video at the median (5 clips), against 0.80 s at 480p (5 clips).")
    }
}
