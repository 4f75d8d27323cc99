import ArgumentParser
import Foundation
import TimmyProcess
import TimmySketch

/// PNG encoding alone, the image tools' last stage: the sketch's encoder on the pixels of a finished
/// sketch image against FFmpeg encoding the same raw frame, each `count` times, with the bytes each
/// writes a frame.
struct PNGEncodeBench {
    let image: URL
    let width: Int
    let height: Int
    let count = 4

    func run(in folder: URL) async throws {
        let rgb = try await decode()
        var bytes = 0
        let (_, seconds) = try await BenchReport.time {
            for _ in 0..<count { bytes = try PNGEncoder.encode(rgb: rgb, width: width, height: height).count }
        }
        let out = folder.appendingPathComponent("baseline-\(UUID().uuidString.prefix(8))")
        let request = ProcessRequest(
            "ffmpeg", ["-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "\(width)x\(height)", "-i", "-", "-y", out.path + "-%d.png"],
            input: Array([[UInt8]](repeating: rgb, count: count).joined()))
        let (output, baselineSeconds) = try await BenchReport.time { try await ProcessRunner.run(request) }
        guard output.succeeded else { throw BaselineError(label: "ffmpeg PNG", message: output.errorText) }
        let baselineBytes = try FileManager.default.attributesOfItem(atPath: out.path + "-1.png")[.size] as? Int ?? 0
        let versus = String(format: "%6.2f s  %5.1f× bare ffmpeg PNG (%.2f s)", seconds, seconds / baselineSeconds, baselineSeconds)
        let size = String(format: "%4d KB a frame, ffmpeg %4d KB", bytes >> 10, baselineBytes >> 10)
        BenchReport.line("PNG encode \(count) × \(width)×\(height)", versus.padding(toLength: 44, withPad: " ", startingAt: 0) + size)
    }

    /// The image's pixels as 8-bit RGB, decoded by FFmpeg.
    private func decode() async throws -> [UInt8] {
        let request = ProcessRequest(
            "ffmpeg", ["-v", "error", "-i", image.path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
            outputLimit: width * height * 3 + 1024)
        let output = try await ProcessRunner.run(request)
        guard output.succeeded, output.standardOutput.count == width * height * 3 else {
            throw ValidationError("cannot decode \(image.path) as \(width)×\(height) RGB: \(output.errorText)")
        }
        return output.standardOutput
    }
}
