import Foundation
import TimmyCore

/// Where a creative call works and where its files end up. Work happens in a scratch folder (the
/// job's, or a temporary one); finished files move to `{output}/{uuid}.{ext}` with `{uuid}.json`
/// beside them, so a cancelled or failed call leaves nothing half-written among the media.
package struct MediaOutput: Sendable {
    package let scratch: URL
    /// Whether this call made the scratch folder (and so removes it).
    private let ownsScratch: Bool

    package init(context: ToolContext) throws {
        if let folder = context.workDirectory {
            scratch = folder
            ownsScratch = false
        } else {
            scratch = FileManager.default.temporaryDirectory.appendingPathComponent("timmy-creative-\(UUID().uuidString.lowercased())")
            ownsScratch = true
        }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    /// Removes the scratch folder if this call made it.
    package func finish() {
        if ownsScratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// A fresh asset id and its file in the scratch folder.
    package func newFile(extension fileExtension: String) -> (id: String, file: URL) {
        let id = UUID().uuidString.lowercased()
        return (id, scratch.appendingPathComponent("\(id).\(fileExtension)"))
    }

    /// Moves a finished file and its companions into `folder`, writes its sidecar, and describes the asset.
    package func publish(_ file: URL, id: String, into folder: URL, companions: [URL], sidecar: Sidecar) throws -> ProducedAsset {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent(file.lastPathComponent)
        var moved: [String: JSONValue] = ["media": .string(target.path)]
        for companion in companions {
            let destination = folder.appendingPathComponent(companion.lastPathComponent)
            try Self.move(companion, to: destination)
            moved[companion.pathExtension] = .string(destination.path)
        }
        try Self.move(file, to: target)
        let sidecarURL = folder.appendingPathComponent("\(id).json")
        var record = sidecar
        record.files = moved
        try Data(record.json.jsonText.utf8).write(to: sidecarURL, options: .atomic)
        return record.asset(id: id, path: target.path, sidecarPath: sidecarURL.path)
    }

    private static func move(_ source: URL, to destination: URL) throws {
        if FileManager.default.fileExists(atPath: destination.path) { try FileManager.default.removeItem(at: destination) }
        try FileManager.default.moveItem(at: source, to: destination)
    }
}
