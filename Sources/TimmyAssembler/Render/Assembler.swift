import Foundation
import TimmyCore
import TimmyCreative
import TimmyProcess
import TimmySketch

/// Makes an edit into one MP4 with one FFmpeg run, and its `.srt` beside it.
public enum Assembler {
    /// An edit checked against the settings and the data folders: the files it reads, the frame,
    /// the encoder. Made without reading any media, so a tool can refuse a call before queuing it.
    public struct Checked: Sendable {
        public let edit: AssemblyEdit
        public let clips: [URL]
        public let music: URL?
        public let preset: VideoPreset
        public let codec: String
    }

    /// Checks the edit's values and that every clip and the music lie inside the data folders.
    public static func check(_ edit: AssemblyEdit, settings: Settings) throws(AssemblyError) -> Checked {
        try edit.validate()
        guard let preset = edit.videoPreset else { throw .invalid(field: "preset", reason: "names no preset") }
        var clips: [URL] = []
        for (index, clip) in edit.clips.enumerated() {
            clips.append(
                try file(clip, field: "clips[\(index)]", kind: "video", assets: settings.videoOutputDirectory, fileExtension: "mp4", settings))
        }
        let music = try edit.music.map { reference throws(AssemblyError) in
            try file(reference, field: "music", kind: "music", assets: settings.musicOutputDirectory, fileExtension: "wav", settings)
        }
        return Checked(edit: edit, clips: clips, music: music, preset: preset, codec: edit.codec ?? settings[.defaultVideoCodec])
    }

    /// Renders the edit to `output` (an MP4) and its subtitles to the `.srt` beside it, then reads
    /// the file back. Nothing is left at either path unless the whole run succeeds.
    /// - Parameter workDirectory: where the ASS script and the fonts folder are written; nil makes a temporary folder.
    public static func render(
        _ edit: AssemblyEdit, to output: URL, settings: Settings, progress: ToolProgress, workDirectory: URL? = nil
    ) async throws -> AssemblyReport {
        let started = ContinuousClock.now
        let checked = try check(edit, settings: settings)
        try await progress(0.01, "reading \(checked.clips.count) clip(s)")
        var probed: [(file: URL, info: MediaInfo)] = []
        for (index, clip) in checked.clips.enumerated() {
            probed.append((clip, try await MediaInfo.read(clip, field: "clips[\(index)]")))
        }
        if let music = checked.music {
            guard try await MediaInfo.read(music, field: "music").hasAudio else {
                throw AssemblyError.invalid(field: "music", reason: "'\(music.path)' holds no sound")
            }
        }
        let timeline = try AssemblyTimeline(edit: edit, clips: probed)
        let work = try WorkFolder(workDirectory)
        defer { work.finish() }
        let texts = timeline.texts(edit)
        let drawn = texts.filter(\.drawn)
        let srtText = SRTWriter.text(texts)
        try work.write(srtText, to: "subtitles.srt")
        if !drawn.isEmpty {
            try work.write(ASSWriter.script(drawn, width: checked.preset.width, height: checked.preset.height), to: "text.ass")
            try AssemblyFonts.link(into: work.url)
        }
        let graph = FilterGraph(
            timeline: timeline, preset: checked.preset, codec: checked.codec, music: checked.music, audioFade: edit.audioFade,
            loudness: edit.loudness, clipAudio: edit.clipAudio, script: drawn.isEmpty ? nil : "text.ass",
            subtitles: texts.isEmpty ? nil : work.url.appendingPathComponent("subtitles.srt"))
        let partial = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(UUID().uuidString.prefix(8)).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        do { try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true) } catch {
            throw AssemblyError.cannotWrite(path: output.deletingLastPathComponent().path, reason: error.localizedDescription)
        }
        let arguments = graph.arguments(output: partial)
        let encodeStarted = ContinuousClock.now
        try await encode(arguments, in: work.url, duration: timeline.duration, progress: progress.stage(0.03...0.97))
        let encodeSeconds = (ContinuousClock.now - encodeStarted).seconds
        try await progress(0.98, "checking the result")
        let info = try await MediaInfo.read(partial, field: "output", countingPackets: true)
        guard abs(info.duration - timeline.duration) <= 0.1 else {
            throw AssemblyError.unexpectedOutput(String(format: "it lasts %.3f s where the edit plans %.3f s", info.duration, timeline.duration))
        }
        let srt = output.deletingPathExtension().appendingPathExtension("srt")
        do {
            try Data(srtText.utf8).write(to: srt, options: .atomic)
            if FileManager.default.fileExists(atPath: output.path) { try FileManager.default.removeItem(at: output) }
            try FileManager.default.moveItem(at: partial, to: output)
        } catch {
            throw AssemblyError.cannotWrite(path: output.path, reason: error.localizedDescription)
        }
        return AssemblyReport(
            output: output, srt: srt, duration: info.duration, plannedDuration: timeline.duration, width: info.width, height: info.height,
            frames: info.videoPackets ?? 0, fps: timeline.fps, streams: info.codecs, clipStarts: timeline.clips.map(\.start), arguments: arguments,
            encodeSeconds: encodeSeconds, totalSeconds: (ContinuousClock.now - started).seconds)
    }

    /// Runs FFmpeg in the work folder, reporting its progress.
    private static func encode(_ arguments: [String], in folder: URL, duration: Double, progress: ToolProgress) async throws {
        let reader = FFmpegProgress(duration: duration, progress: progress)
        var process = MediaProcess("ffmpeg", arguments, timeout: .seconds(3600), outputLimit: 16 << 20)
        process.workingDirectory = folder
        process.outputObserver = { try await reader.take($0) }
        do {
            try await process.run()
        } catch {
            if case .process(let failure) = error, case .cancelled = failure { throw CancellationError() }
            throw AssemblyError.ffmpeg(program: "ffmpeg", message: error.description)
        }
    }

    private static func file(
        _ reference: String, field: String, kind: String, assets: URL, fileExtension: String, _ settings: Settings
    ) throws(AssemblyError) -> URL {
        do {
            return try CreativeValidation.dataFile(
                reference, field: field, kind: kind, assets: assets, fileExtension: fileExtension, settings: settings
            )
            .url
        } catch .invalidArgument(let name, let reason) {
            throw .invalid(field: name, reason: reason)
        } catch {
            throw .invalid(field: field, reason: error.description)
        }
    }
}

/// The folder an assembly writes its ASS script, SRT and fonts folder in: the caller's, or a
/// temporary one removed at the end.
private struct WorkFolder {
    let url: URL
    private let owned: Bool

    init(_ given: URL?) throws(AssemblyError) {
        owned = given == nil
        url = given ?? FileManager.default.temporaryDirectory.appendingPathComponent("timmy-assembly-\(UUID().uuidString.lowercased())")
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }

    func write(_ text: String, to name: String) throws(AssemblyError) {
        let file = url.appendingPathComponent(name)
        do { try Data(text.utf8).write(to: file, options: .atomic) } catch { throw .cannotWrite(path: file.path, reason: error.localizedDescription) }
    }

    func finish() {
        if owned { try? FileManager.default.removeItem(at: url) }
    }
}
