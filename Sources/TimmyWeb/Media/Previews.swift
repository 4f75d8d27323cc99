import Foundation
import TimmyCore
import TimmyCreative
import TimmyProcess

/// Small pictures of media, made with FFmpeg once and kept beside the file they show: a 320-px-wide
/// JPEG of an image or of a video's most typical early frame (`name.thumb.jpg`), and a picture of a
/// sound's waveform (`name.wave.png`). A preview older than its file (a re-rolled keyframe, written
/// again under the same name) is made again.
actor Previews {
    enum Kind: String, CaseIterable, Sendable {
        case thumbnail, waveform

        var suffix: String { self == .thumbnail ? ".thumb.jpg" : ".wave.png" }
        var contentType: String { self == .thumbnail ? "image/jpeg" : "image/png" }

        /// The extensions of the files this kind of preview is made from.
        var sources: Set<String> {
            self == .thumbnail ? ["png", "jpg", "jpeg", "webp", "mp4", "webm", "mov"] : ["wav", "mp3", "flac", "ogg", "mp4"]
        }
    }

    /// Why no preview could be had.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case notFound(String)
        case unsupported(String)
        case ffmpeg(String)

        var description: String {
            switch self {
            case .notFound(let path): "no media file at \(path)"
            case .unsupported(let message), .ffmpeg(let message): message
            }
        }
    }

    /// Width of a thumbnail and size of a waveform, in pixels.
    static let thumbnailWidth = 320
    static let waveformSize = (width: 1200, height: 120)

    private let settings: Settings
    /// Previews being made now, so two requests for one file share one FFmpeg run.
    private var making: [String: Task<URL, any Error>] = [:]

    init(settings: Settings) { self.settings = settings }

    /// Where the server serves the preview of the media at `url` (a `/media/…` address).
    static func url(_ kind: Kind, of url: String) -> String? {
        guard url.hasPrefix("/media/") else { return nil }
        return "/previews/\(kind.rawValue)/" + url.dropFirst("/media/".count)
    }

    /// The preview of `kind` for the file at `relative` under the media folder `root` (`images`,
    /// `creative`, …), made now if it is missing or stale.
    func preview(_ kind: Kind, root: String, relative: String) async throws -> URL {
        let source = try Self.source(root: root, relative: relative, settings: settings)
        guard kind.sources.contains(source.pathExtension.lowercased()) else {
            throw Failure.unsupported(
                "a \(kind.rawValue) is made from \(kind.sources.sorted().joined(separator: ", ")) files, not .\(source.pathExtension)")
        }
        let target = URL(fileURLWithPath: source.path + kind.suffix)
        if Self.isFresh(target, for: source) { return target }
        if let running = making[target.path] { return try await running.value }
        let work = Task { try await Self.make(kind, from: source, to: target) }
        making[target.path] = work
        defer { making[target.path] = nil }
        return try await work.value
    }

    /// The file a preview URL names: inside one of the media folders, without `..`, and present.
    private static func source(root: String, relative: String, settings: Settings) throws -> URL {
        guard let folder = MediaRoots.all(settings).first(where: { $0.name == root })?.directory.standardizedFileURL,
            !relative.isEmpty, !relative.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
        else { throw Failure.notFound("\(root)/\(relative)") }
        let file = folder.appendingPathComponent(relative).standardizedFileURL
        var isFolder: ObjCBool = false
        guard file.path.hasPrefix(folder.path + "/"), FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue
        else { throw Failure.notFound("\(root)/\(relative)") }
        return file
    }

    private static func isFresh(_ preview: URL, for source: URL) -> Bool {
        let manager = FileManager.default
        guard let made = (try? manager.attributesOfItem(atPath: preview.path))?[.modificationDate] as? Date,
            let changed = (try? manager.attributesOfItem(atPath: source.path))?[.modificationDate] as? Date
        else { return false }
        return made >= changed
    }

    /// Runs FFmpeg into a scratch file beside the target, then renames it into place, so a reader
    /// never sees half a picture.
    private static func make(_ kind: Kind, from source: URL, to target: URL) async throws -> URL {
        let scratch = target.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString)\(kind.suffix)")
        let filter =
            switch kind {
            case .thumbnail: ["-vf", "thumbnail=12,scale=min(\(thumbnailWidth)\\,iw):-2"]
            case .waveform: ["-filter_complex", "showwavespic=s=\(waveformSize.width)x\(waveformSize.height):colors=#4f7cff"]
            }
        let arguments = ["-nostdin", "-v", "error", "-y", "-i", source.path] + filter + ["-frames:v", "1", scratch.path]
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output: ProcessOutput
        do {
            output = try await ProcessRunner.run(ProcessRequest("ffmpeg", arguments, timeout: .seconds(30), outputLimit: 1 << 20, label: "ffmpeg"))
        } catch {
            throw Failure.ffmpeg("could not make the \(kind.rawValue): \(error)")
        }
        guard output.succeeded, FileManager.default.fileExists(atPath: scratch.path) else {
            throw Failure.ffmpeg("ffmpeg could not make the \(kind.rawValue) of \(source.lastPathComponent): \(output.errorText.suffix(300))")
        }
        _ = try? FileManager.default.removeItem(at: target)
        try FileManager.default.moveItem(at: scratch, to: target)
        return target
    }
}
