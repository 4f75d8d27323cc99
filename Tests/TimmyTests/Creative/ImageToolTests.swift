import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

@Suite("Pixel's image tools on the sketch backend")
struct ImageToolTests {
    @Test("generate_image writes a PNG of the requested size, its sidecar, an asset row and a tool_executed event")
    func image() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let detail = try await test.job(
                "generate_image", as: "pixel", ["prompt": "a sunrise over mountains", "width": 320, "height": 256, "seed": 11])
            #expect(detail.job.status == .done && detail.assets.count == 1)
            let asset = try #require(detail.assets.first)
            #expect(asset.path == test.folder.file("data/images/\(asset.id).png").path)
            let size = try MediaProbe.pngSize(URL(fileURLWithPath: asset.path))
            #expect(size.width == 320 && size.height == 256)
            #expect(asset.url == "/media/images/\(asset.id).png" && asset.kind == .image && asset.backend == "sketch" && asset.model == "sketch")
            let sidecar = try Self.sidecar(asset)
            #expect(sidecar["tool"] == "generate_image" && sidecar["prompt"] == "a sunrise over mountains")
            #expect(sidecar["seed"] == 11 && sidecar["backend"] == "sketch" && sidecar["model"] == "sketch" && sidecar["sketch"] == true)
            #expect(sidecar["width"] == 320 && sidecar["height"] == 256 && sidecar["requested_backend"] == "auto")
            #expect(sidecar["parameters"]?["steps"] == 4 && sidecar["parameters"]?["negative_prompt"] == .null)
            #expect(sidecar["timings"]?["total"]?.doubleValue ?? 0 > 0 && sidecar["created_at"]?.stringValue?.isEmpty == false)
            let events = try await test.store.events(type: "tool_executed")
            #expect(events.count == 1 && events[0].agent == "pixel" && events[0].data["success"] == true)
            let progress = try await test.store.events(type: "job_progress", limit: 1000).compactMap { $0.data["status"]?.stringValue }
            #expect(progress.contains("queued") && progress.contains("running") && progress.first == "done")
        }
    }

    @Test("the same seed gives the same image bytes; another seed does not")
    func determinism() async throws {
        try await withStopping(try await TestRuntime()) { test in
            var bytes: [Data] = []
            for seed in [5, 5, 6] {
                let detail = try await test.job(
                    "generate_image", as: "pixel", ["prompt": "a stormy sea at night", "width": 256, "height": 256, "seed": .int(seed)])
                bytes.append(try Data(contentsOf: URL(fileURLWithPath: try #require(detail.assets.first).path)))
            }
            #expect(bytes[0] == bytes[1])
            #expect(bytes[0] != bytes[2])
        }
    }

    @Test("a seed is drawn when none is given, and recorded")
    func drawnSeed() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let detail = try await test.job("generate_image", as: "pixel", ["prompt": "a meadow", "width": 256, "height": 256])
            let asset = try #require(detail.assets.first)
            #expect(asset.seed != nil && detail.job.arguments["seed"]?.intValue == asset.seed)
            #expect(try Self.sidecar(asset)["seed"]?.intValue == asset.seed)
        }
    }

    @Test("generate_storyboard draws a frame per scene and a numbered contact sheet")
    func storyboard() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let scenes: [JSONValue] = ["a harbour at dawn", "boats leave at noon", "a storm over the sea", "the harbour at night"]
            let detail = try await test.job("generate_storyboard", as: "pixel", ["scenes": .array(scenes), "width": 512, "height": 288, "seed": 3])
            #expect(detail.job.status == .done && detail.assets.count == 5)
            for frame in detail.assets.prefix(4) {
                let size = try MediaProbe.pngSize(URL(fileURLWithPath: frame.path))
                #expect(size.width == 512 && size.height == 288)
            }
            let sheet = try #require(detail.assets.last)
            let sheetSize = try MediaProbe.pngSize(URL(fileURLWithPath: sheet.path))
            #expect(sheetSize.width > 2 * 512 && sheetSize.height > 2 * 288)
            let sidecar = try Self.sidecar(sheet)
            #expect(sidecar["storyboard"]?["frames"] == .array(detail.assets.prefix(4).map { .string($0.id) }))
            #expect(try Self.sidecar(detail.assets[2])["storyboard"]?["scene"] == 3)
            #expect(Set(detail.assets.prefix(4).map(\.prompt)) == Set(scenes.compactMap(\.stringValue)))
        }
    }

    @Test("image_variations makes variations of an asset that keep its size and name their source")
    func variations() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let source = try #require(
                try await test.job("generate_image", as: "pixel", ["prompt": "a city skyline at dusk", "width": 256, "height": 256, "seed": 1]).assets
                    .first)
            let detail = try await test.job("image_variations", as: "pixel", ["image": .string(source.id), "count": 2, "strength": 0.8, "seed": 4])
            #expect(detail.job.status == .done && detail.assets.count == 2)
            let original = try Data(contentsOf: URL(fileURLWithPath: source.path))
            for variation in detail.assets {
                #expect(variation.sourceAssetId == source.id)
                let size = try MediaProbe.pngSize(URL(fileURLWithPath: variation.path))
                #expect(size.width == 256 && size.height == 256)
                #expect(try Data(contentsOf: URL(fileURLWithPath: variation.path)) != original)
                #expect(try Self.sidecar(variation)["source_asset"]?["id"] == .string(source.id))
            }
            #expect(detail.assets[0].path != detail.assets[1].path)
            let byPath = try await test.job("image_variations", as: "pixel", ["image": .string("data/images/\(source.id).png"), "count": 1])
            #expect(byPath.job.status == .done && byPath.assets.first?.sourceAssetId == source.id)
        }
    }

    static func sidecar(_ asset: AssetView) throws -> JSONValue {
        try #require(JSONValue.parse(try String(contentsOfFile: asset.sidecarPath, encoding: .utf8)))
    }
}
