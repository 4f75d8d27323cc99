import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

@Suite("Creative tasks through the swarm")
struct CreativeSwarmTests {
    @Test("'draw a storyboard of a sunrise over mountains' is won by Pixel and completes with the frames and sheet it made")
    func storyboardTask() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let detail = try await test.post("draw a storyboard of a sunrise over mountains")
            #expect(detail.task.status == .completed, "\(detail.task.failureReason ?? "")")
            #expect(detail.task.winner == "pixel")
            #expect(detail.toolCalls.count == 1 && detail.toolCalls[0].tool == "generate_storyboard" && detail.toolCalls[0].success)
            let assets = try await test.store.assets(kind: .image)
            #expect(assets.count == 5 && assets.allSatisfy { $0.taskId == detail.task.id })
            for asset in assets { #expect(detail.task.result?.contains("data/images/\(asset.id).png") == true) }
            #expect(detail.events.map(\.type).contains("job_progress") && detail.events.map(\.type).contains("tool_executed"))
        }
    }

    @Test("'compose a lo-fi track about rain' is won by Lyra; 'make a timelapse video of clouds' by Reel")
    func musicAndVideoTasks() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let track = try await test.post("compose a lo-fi track about rain")
            #expect(track.task.status == .completed && track.task.winner == "lyra", "\(track.task.failureReason ?? "")")
            let audio = try #require(try await test.store.assets(kind: .audio).first)
            #expect(audio.params["genre"] == "lo-fi" && audio.params["prompt"] == "rain" && audio.taskId == track.task.id)
            #expect(track.task.result?.contains(".wav") == true)
            let clip = try await test.post("make a timelapse video of clouds")
            #expect(clip.task.status == .completed && clip.task.winner == "reel", "\(clip.task.failureReason ?? "")")
            let video = try #require(try await test.store.assets(kind: .video).first)
            #expect(video.params["style"] == "timelapse" && video.params["prompt"] == "clouds")
        }
    }
}
