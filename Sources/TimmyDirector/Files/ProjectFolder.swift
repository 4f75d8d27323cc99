import Foundation
import TimmyCore

/// A project's folder, `creative_output_dir/{project}/`: the keyframes, the song, the clips, the
/// edit, the final video and its subtitles, and `project.json`. Files made by the tools (in the
/// media folders, as assets) are linked in (copied across file systems) under fixed names.
public struct ProjectFolder: Sendable {
    public let url: URL

    public init(project id: String, settings: Settings) {
        url = settings[.creativeOutputDir].appendingPathComponent(id, isDirectory: true)
    }

    public var manifest: URL { url.appendingPathComponent("project.json") }
    public var edit: URL { url.appendingPathComponent("edit.json") }
    public var final: URL { url.appendingPathComponent("final.mp4") }
    public var subtitles: URL { url.appendingPathComponent("final.srt") }
    public var song: URL { url.appendingPathComponent("song.wav") }

    public func keyframe(scene: Int) -> URL { url.appendingPathComponent(String(format: "keyframes/scene-%02d.png", scene)) }
    public func clip(_ number: Int) -> URL { url.appendingPathComponent(String(format: "clips/clip-%03d.mp4", number)) }

    /// Puts `source` at `destination`, replacing what was there: a hard link when both are on one file system, else a copy.
    func place(_ source: URL, at destination: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        if manager.fileExists(atPath: destination.path) { try manager.removeItem(at: destination) }
        do {
            try manager.linkItem(at: source, to: destination)
        } catch {
            try manager.copyItem(at: source, to: destination)
        }
    }

    /// Removes clips numbered above `count`, left by a longer plan.
    func removeClips(after count: Int) {
        let folder = url.appendingPathComponent("clips")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            if let number = Int(name.dropFirst("clip-".count).prefix(3)), number > count {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }
}
