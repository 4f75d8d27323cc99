import ArgumentParser
import Foundation
import TimmyAssembler
import TimmyCore
import TimmyCreative
import TimmyProcess

/// The assembler on a realistic edit (a dozen or more clips cross-faded, a title and credits, a
/// caption per clip burned in, a song under it all) against its floor, run right after it: FFmpeg
/// re-encoding the finished video with the same encoder settings and nothing else to do.
struct AssembleBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assemble", abstract: "Time one assembly against a bare re-encode of its output, and its memory.")

    /// The acceptance's aims: wall time against the floor, and the whole process tree's peak.
    static let aimRatio = 1.15
    static let aimMebibytes = 400.0

    @Option(help: "Clips in the edit (at least 2).")
    var clips = 14

    @Option(help: "Seconds of each clip.")
    var seconds = 13.0

    @Option(help: "The delivery preset (480p, 720p, 1080p, each also -9:16 or -1:1).")
    var preset = "480p"

    @Option(help: "Keep the files made in this folder (default: a temporary folder, removed).")
    var keep: String?

    func validate() throws {
        guard clips >= 2 else { throw ValidationError("--clips must be at least 2, got \(clips)") }
        guard (2...60).contains(seconds) else { throw ValidationError("--seconds must be between 2 and 60, got \(seconds)") }
        guard frame != nil else {
            throw ValidationError("--preset must be one of \(VideoPreset.all.map(\.name).joined(separator: ", ")), got '\(preset)'")
        }
    }

    func run() async throws {
        BenchReport.heading("assemble: \(clips) clips of \(seconds) s, cross-faded, title, credits, \(clips) captions, music, \(preset)")
        if let warning = BenchReport.buildWarning { print(warning) }
        let folder = try BenchFolder(keep: keep)
        defer { folder.finish() }
        let settings = folder.settings
        let edit = try await makeSources(settings)
        let output = settings.creativeOutputDirectory.appendingPathComponent("bench/final.mp4")
        let (report, mebibytes) = try await ProcessTreeMemory.peak {
            try await Assembler.render(edit, to: output, settings: settings, progress: .ignored)
        }
        let (_, floor) = try await BenchReport.time { try await reencode(output, codec: edit.codec ?? settings[.defaultVideoCodec]) }
        BenchReport.line(
            "assembly, \(String(format: "%.1f", report.duration)) s of video",
            String(format: "%6.2f s  floor %.2f s  %5.2f×  aim ≤ %.2f×", report.totalSeconds, floor, report.totalSeconds / floor, Self.aimRatio))
        BenchReport.line("  of which the FFmpeg run", String(format: "%6.2f s", report.encodeSeconds))
        BenchReport.line("process tree peak resident", String(format: "%6.0f MiB  aim ≤ %.0f MiB", mebibytes, Self.aimMebibytes))
    }

    private var frame: VideoPreset? { VideoPreset.all.first { $0.name == preset } }

    /// Test-pattern clips at the preset's size and a song as long as the whole, made by FFmpeg.
    private func makeSources(_ settings: Settings) async throws -> AssemblyEdit {
        let video = settings.videoOutputDirectory
        try FileManager.default.createDirectory(at: video, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: settings.musicOutputDirectory, withIntermediateDirectories: true)
        let size = frame ?? VideoPreset.all[0]
        var names: [String] = []
        var captions: [AssemblyEdit.Caption] = []
        let title = 4.0
        for index in 0..<clips {
            let name = "clip-\(index).mp4"
            try await ffmpeg([
                "-f", "lavfi", "-i", "testsrc2=size=\(size.width)x\(size.height):rate=24:duration=\(seconds)", "-vf",
                "hue=h=\(index * 360 / clips)", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                video.appendingPathComponent(name).path,
            ])
            names.append(video.appendingPathComponent(name).path)
            let start = title + Double(index) * (seconds - 1)
            captions.append(
                AssemblyEdit.Caption(start: start + 0.5, end: start + seconds - 1.5, text: "Line \(index + 1): the light climbs the ridge"))
        }
        let song = settings.musicOutputDirectory.appendingPathComponent("song.wav")
        let length = title + Double(clips) * seconds + 5
        try await ffmpeg([
            "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.05:duration=\(length)", "-f", "lavfi", "-i",
            "sine=frequency=330:duration=\(length)",
            "-filter_complex", "[0][1]amix=inputs=2,volume=0.3", "-ar", "44100", "-ac", "2", song.path,
        ])
        return AssemblyEdit(
            clips: names, transition: 1, music: song.path, title: .init(text: "Sunrise Over Mountains", seconds: title),
            credits: .init(text: "Made with Timmy", seconds: 5), captions: captions, preset: preset)
    }

    /// The floor: the finished video decoded and encoded again with the assembler's own settings.
    private func reencode(_ video: URL, codec: String) async throws {
        let floor = video.deletingLastPathComponent().appendingPathComponent("floor.mp4")
        try await ffmpeg(
            ["-i", video.path, "-map", "0:v", "-map", "0:a"] + AssemblyEncoding.video(codec: codec) + AssemblyEncoding.audio
                + AssemblyEncoding.container + [floor.path])
    }

    private func ffmpeg(_ arguments: [String]) async throws {
        let output = try await ProcessRunner.run(ProcessRequest("ffmpeg", ["-v", "error", "-y"] + arguments, timeout: .seconds(1800)))
        guard output.succeeded else { throw BaselineError(label: "ffmpeg", message: output.errorText) }
    }
}
