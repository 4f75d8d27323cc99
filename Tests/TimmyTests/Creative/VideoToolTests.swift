import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

@Suite("Reel's video tools on the sketch backend")
struct VideoToolTests {
    @Test("generate_video_clip: H.264 yuv420p at the requested size, fps and duration, index first; list_video_styles")
    func clip() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let detail = try await test.job(
                "generate_video_clip", as: "reel",
                ["prompt": "clouds over a city at sunset", "duration": 2, "fps": 12, "style": "timelapse", "seed": 2])
            #expect(detail.job.status == .done, "\(detail.job.error ?? "")")
            let asset = try #require(detail.assets.first)
            let file = URL(fileURLWithPath: asset.path)
            let info = try MediaProbe.video(file)
            #expect(info.codec == "h264" && info.pixelFormat == "yuv420p" && info.width == 854 && info.height == 480)
            #expect(info.frameRate == 12 && info.frames == 24 && abs(info.duration - 2) < 0.05)
            #expect(try MediaProbe.isFaststart(file))
            #expect(asset.url == "/media/video/\(asset.id).mp4" && asset.duration == 2 && asset.width == 854)
            let sidecar = try ImageToolTests.sidecar(asset)
            #expect(
                sidecar["parameters"]?["style"] == "timelapse" && sidecar["parameters"]?["resolution"] == "480p"
                    && sidecar["parameters"]?["fps"] == 12)
            let styles = try await test.runtime.runTool("list_video_styles", persona: "reel", arguments: [:])
            #expect(styles.result?.text.contains("720p = 1280×720") == true && styles.result?.text.contains("slow-motion") == true)
        }
    }

    @Test("image_to_video moves over an image asset at 720p and records its source")
    func imageToVideo() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let image = try #require(
                try await test.job("generate_image", as: "pixel", ["prompt": "a lighthouse", "width": 512, "height": 512]).assets.first)
            let detail = try await test.job(
                "image_to_video", as: "reel", ["image": .string(image.id), "prompt": "slow zoom in", "duration": 1, "fps": 10, "resolution": "720p"])
            #expect(detail.job.status == .done, "\(detail.job.error ?? "")")
            let asset = try #require(detail.assets.first)
            let info = try MediaProbe.video(URL(fileURLWithPath: asset.path))
            #expect(info.width == 1280 && info.height == 720 && info.frames == 10 && info.codec == "h264")
            #expect(asset.sourceAssetId == image.id)
            #expect(try ImageToolTests.sidecar(asset)["details"]?["motion"] == "zoom in")
        }
    }
}
