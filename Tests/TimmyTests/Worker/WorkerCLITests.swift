import Foundation
import Testing
import TimmyCore
import TimmyTestSupport

@Suite("timmy image, song, video and animate on the worker's tiny models", .serialized)
struct WorkerCLITests {
    private static func timmy(_ arguments: [String], in folder: TemporaryDirectory) throws -> JSONValue {
        let environment = TinyWorker.environment.merging(["TIMMY_PORT": String(TimmyBinary.freePort())]) { $1 }
        let run = try TimmyBinary.run(arguments + ["--backend", "worker", "--json"], in: folder.url, environment: environment)
        #expect(run.status == 0, "\(run.output)")
        let start = try #require(run.output.firstIndex(of: "{"), "no JSON in: \(run.output)")
        return try JSONCoding.decoder().decode(JSONValue.self, from: Data(run.output[start...].utf8))
    }

    /// The one asset a call made, and its sidecar, which must name the worker and the model.
    private static func asset(_ result: JSONValue, model: String?) throws -> (path: String, sidecar: JSONValue) {
        let asset = try #require(result["assets"]?.arrayValue?.first)
        let path = try #require(asset["path"]?.stringValue)
        let sidecarPath = URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("json")
        let sidecar = try #require(JSONValue.parse(try String(contentsOf: sidecarPath, encoding: .utf8)))
        #expect(sidecar["backend"]?.stringValue == "worker" && sidecar["sketch"] == nil)
        #expect(sidecar["model"]?.stringValue == model)
        #expect(sidecar["details"]?["weights_sha256"]?.stringValue?.count == 64)
        #expect(sidecar["details"]?["dtype"]?.stringValue == "float32" && sidecar["details"]?["device_kind"]?.stringValue == "cpu")
        for stage in ["load", "inference", "encode", "total"] { #expect(sidecar["timings"]?[stage]?.doubleValue != nil, "\(stage)") }
        return (path, sidecar)
    }

    private static func probe(_ path: String, _ entries: String) throws -> [String: String] {
        let output = try MediaProbe.run("ffprobe", ["-v", "error", "-count_frames", "-show_entries", entries, "-of", "default=nw=1", path])
        return Dictionary(
            output.split(separator: "\n").compactMap { line in
                let parts = line.split(separator: "=", maxSplits: 1)
                return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
            }
        ) { first, _ in first }
    }

    @Test("image makes a PNG, song a 44.1 kHz WAV, video and animate H.264 clips, each with a sidecar naming the worker and the model")
    func allFamilies() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }

        let image = try Self.asset(
            try Self.timmy(["image", "a lighthouse at dusk", "--width", "256", "--height", "256", "--seed", "9"], in: folder),
            model: TinyWorker.models["image"])
        #expect(try MediaProbe.pngSize(URL(fileURLWithPath: image.path)) == (256, 256))
        #expect(image.sidecar["seed"]?.intValue == 9 && image.sidecar["details"]?["steps"]?.intValue == 4)
        #expect(image.sidecar["details"]?["pipeline"]?.stringValue == "Flux2KleinPipeline")

        let song = try Self.asset(
            try Self.timmy(["song", "--lyrics", "rain on the roof\nall night long", "--duration", "10", "--seed", "2"], in: folder),
            model: TinyWorker.models["music"])
        let audio = try Self.probe(song.path, "stream=codec_name,sample_rate,channels:format=duration")
        #expect(audio["codec_name"] == "pcm_s16le" && audio["sample_rate"] == "44100" && audio["channels"] == "2", "\(audio)")
        #expect(abs((Double(audio["duration"] ?? "") ?? 0) - 10) < 0.01, "\(audio)")
        #expect(song.sidecar["details"]?["sample_rate"]?.intValue == 48_000, "the model's own rate, before resampling")

        let clip = try Self.asset(
            try Self.timmy(["video", "clouds over a city", "--duration", "1", "--fps", "8", "--seed", "4"], in: folder),
            model: TinyWorker.models["video"])
        let video = try Self.probe(clip.path, "stream=codec_name,width,height,pix_fmt,nb_read_frames,r_frame_rate")
        #expect(video["codec_name"] == "h264" && video["pix_fmt"] == "yuv420p" && video["width"] == "854" && video["height"] == "480", "\(video)")
        #expect(video["nb_read_frames"] == "8" && video["r_frame_rate"] == "8/1", "\(video)")
        #expect(clip.sidecar["details"]?["frames"]?.intValue == 17, "4k+1 frames at 16 fps cover the second")
        #expect(clip.sidecar["details"]?["pipeline"]?.stringValue == "WanPipeline")

        let moved = try Self.asset(
            try Self.timmy(["animate", image.path, "slow zoom in", "--duration", "1", "--fps", "8", "--seed", "4"], in: folder),
            model: TinyWorker.models["image_to_video"])
        let animated = try Self.probe(moved.path, "stream=codec_name,nb_read_frames")
        #expect(animated["codec_name"] == "h264" && animated["nb_read_frames"] == "8", "\(animated)")
        #expect(moved.sidecar["details"]?["pipeline"]?.stringValue == "WanImageToVideoPipeline")
        #expect(moved.sidecar["source_asset"]?["path"]?.stringValue == image.path)
    }
}
