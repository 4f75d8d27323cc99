import Foundation
import TimmyAssembler
import TimmyCore
import TimmyCreative
import TimmyTestSupport

/// A data folder with small clips and a song made by FFmpeg, and settings pointing at it.
struct AssemblyFixture {
    let folder: TemporaryDirectory
    let settings: Settings

    init() throws {
        self.init(folder: try TemporaryDirectory("timmy-assembly"))
    }

    /// A fixture in a test runtime's folder (its `data` and `workspace`).
    init(folder: TemporaryDirectory) {
        self.folder = folder
        var settings = Settings(baseDirectory: folder.url)
        try? settings.set(.dataDir, text: folder.file("data").path, source: .flag("test"))
        try? settings.set(.workspaceDir, text: folder.file("workspace").path, source: .flag("test"))
        self.settings = settings
        try? FileManager.default.createDirectory(at: settings.videoOutputDirectory, withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(at: settings.musicOutputDirectory, withIntermediateDirectories: true)
    }

    var video: URL { settings.videoOutputDirectory }

    /// A test-pattern clip of `seconds` at 320×240 (or the size given), hue-shifted by `hue` degrees
    /// and negated if asked, with a tone when `tone` is given.
    @discardableResult
    func clip(
        _ name: String, seconds: Double = 2, hue: Int = 0, size: String = "320x240", fps: Int = 24, tone: Int? = nil, negated: Bool = false
    ) throws -> URL {
        let file = video.appendingPathComponent(name)
        var arguments = ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=\(size):rate=\(fps):duration=\(seconds)"]
        if let tone { arguments += ["-f", "lavfi", "-i", "sine=frequency=\(tone):duration=\(seconds)"] }
        arguments += ["-vf", "hue=h=\(hue)" + (negated ? ",negate" : ""), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
        if tone != nil { arguments += ["-c:a", "aac", "-shortest"] }
        try MediaProbe.run("ffmpeg", arguments + [file.path])
        return file
    }

    /// A song of `seconds`: pink noise under a tone, quiet, so loudness normalisation has work to do.
    @discardableResult
    func song(_ name: String = "song.wav", seconds: Double = 6) throws -> URL {
        let file = settings.musicOutputDirectory.appendingPathComponent(name)
        try MediaProbe.run(
            "ffmpeg",
            [
                "-v", "error", "-y", "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.05:duration=\(seconds)", "-f", "lavfi", "-i",
                "sine=frequency=330:duration=\(seconds)", "-filter_complex", "[0][1]amix=inputs=2,volume=0.3", "-ar", "44100", "-ac", "2",
                file.path,
            ])
        return file
    }

    /// Runs the edit into `name` under the creative folder.
    func render(_ edit: AssemblyEdit, to name: String = "out/final.mp4") async throws -> AssemblyReport {
        try await Assembler.render(edit, to: settings.creativeOutputDirectory.appendingPathComponent(name), settings: settings, progress: .ignored)
    }

    /// A frame at `seconds` as a PNG beside the video, for looking at and comparing.
    func frame(of video: URL, at seconds: Double, name: String) throws -> URL {
        let file = folder.file(name)
        try MediaProbe.run("ffmpeg", ["-v", "error", "-y", "-ss", String(format: "%.3f", seconds), "-i", video.path, "-frames:v", "1", file.path])
        return file
    }

    func remove() { folder.remove() }
}

extension AssemblyFixture {
    /// The frame at `seconds`, shrunk to `width`×`height` grey pixels.
    func grey(_ video: URL, at seconds: Double, width: Int = 64, height: Int = 36) throws -> [UInt8] {
        let file = folder.file("grey-\(UUID().uuidString.prefix(8)).raw")
        try MediaProbe.run(
            "ffmpeg",
            [
                "-v", "error", "-y", "-i", video.path, "-ss", String(format: "%.3f", seconds), "-frames:v", "1", "-vf", "scale=\(width):\(height)",
                "-f", "rawvideo",
                "-pix_fmt", "gray", file.path,
            ])
        return Array(try Data(contentsOf: file))
    }

    /// Mean absolute difference of two grey frames, 0-255.
    static func difference(_ a: [UInt8], _ b: [UInt8]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 255 }
        return Double(zip(a, b).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }) / Double(a.count)
    }

    /// Integrated loudness of the file's sound in LUFS, as FFmpeg's ebur128 filter measures it.
    static func loudness(_ video: URL) throws -> Double {
        let text = try MediaProbe.run("ffmpeg", ["-hide_banner", "-nostats", "-i", video.path, "-map", "0:a", "-af", "ebur128", "-f", "null", "-"])
        let summary = text.components(separatedBy: "Summary:").last ?? ""
        let line = summary.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("I:") } ?? ""
        return Double(line.split(separator: " ").dropFirst().first ?? "") ?? .nan
    }

    /// The soft subtitle track as SRT text, read back by FFmpeg.
    static func subtitleTrack(_ video: URL) throws -> String {
        try MediaProbe.run("ffmpeg", ["-v", "error", "-i", video.path, "-map", "0:s:0", "-f", "srt", "-"])
    }
}
