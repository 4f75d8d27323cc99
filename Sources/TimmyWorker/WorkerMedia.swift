import Foundation
import TimmyCreativeBackend
import TimmyProcess

/// FFmpeg's part of the worker's results: the models' files brought to what the tools promise
/// (44.1 kHz stereo of the exact duration; the asked size, frame rate and codec).
enum WorkerMedia {
    /// The model's audio resampled to 44.1 kHz stereo 16-bit, padded or cut to exactly `duration`.
    static func conformAudio(_ source: URL, to file: URL, duration: Double) async throws {
        try await ffmpeg([
            "-i", source.path, "-af", "apad", "-t", String(format: "%.3f", duration), "-ar", "44100", "-ac", "2", "-c:a", "pcm_s16le", file.path,
        ])
    }

    /// The model's clip scaled to the asked size, brought to the asked frame rate and duration, and
    /// encoded as the tools promise (H.264 by default, yuv420p, index at the front).
    static func conformVideo(_ source: URL, to file: URL, request: VideoRequest) async throws {
        var arguments = [
            "-i", source.path, "-vf", "scale=\(request.width):\(request.height):flags=bicubic,fps=\(request.fps)", "-t",
            String(format: "%.3f", request.duration), "-an", "-c:v", request.codec,
        ]
        if request.codec.hasPrefix("libx26") { arguments += ["-preset", "veryfast", "-crf", "18"] }
        try await ffmpeg(arguments + ["-pix_fmt", "yuv420p", "-movflags", "+faststart", file.path])
    }

    /// An image scaled to exactly `width`×`height` (a model works in multiples of 16).
    static func scaleImage(_ source: URL, to file: URL, width: Int, height: Int) async throws {
        try await ffmpeg(["-i", source.path, "-vf", "scale=\(width):\(height):flags=lanczos", "-frames:v", "1", "-update", "1", file.path])
    }

    /// Width and height of an image file, as ffprobe reads it.
    static func size(of image: URL) async throws -> (width: Int, height: Int) {
        let output = try await run(
            "ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x", image.path])
        let parts = output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw CreativeError.unreadableImage(path: image.path, reason: "ffprobe found no picture in it") }
        return (parts[0], parts[1])
    }

    private static func ffmpeg(_ arguments: [String]) async throws {
        _ = try await run("ffmpeg", ["-v", "error", "-y"] + arguments)
    }

    @discardableResult
    private static func run(_ program: String, _ arguments: [String]) async throws -> String {
        let output: ProcessOutput
        do {
            output = try await ProcessRunner.run(ProcessRequest(program, arguments, timeout: .seconds(600), outputLimit: 1 << 20))
        } catch .programNotFound {
            throw CreativeError.renderFailed("\(program) is not installed; run scripts/bootstrap")
        }
        guard output.succeeded else { throw CreativeError.renderFailed("\(program) failed (\(output.status)): \(output.errorText.suffix(600))") }
        return output.outputText
    }
}
