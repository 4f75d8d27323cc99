import Foundation
import TimmyCore
import TimmyCreative
import TimmyFileTools

/// Where the assembler tools may read their files from and write their videos to.
enum AssemblerPaths {
    /// A file a call reads (an edit, a captions file): inside the data folders or `workspace_dir`.
    static func readable(_ path: String, field: String, settings: Settings) throws(ToolError) -> URL {
        let roots = settings.dataRoots + [settings.workspaceDirectory]
        let candidate = path.hasPrefix("/") ? path : settings.baseDirectory.appendingPathComponent(path).path
        guard let file = roots.lazy.compactMap({ try? PathJail(root: $0).resolve(candidate, argument: field) }).first else {
            let folders = roots.map(\.path).joined(separator: ", ")
            throw .invalidArgument(name: field, reason: "'\(path)' is outside the data folders and the workspace (\(folders))")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw .invalidArgument(name: field, reason: "'\(path)' is not a file")
        }
        return file
    }

    /// Where a call asked its video to go: an `.mp4` inside `creative_output_dir` (relative paths start there).
    static func output(_ path: String, field: String, settings: Settings) throws(ToolError) -> URL {
        let file = try PathJail(root: settings.creativeOutputDirectory).resolve(path, argument: field)
        guard file.pathExtension.lowercased() == "mp4" else {
            throw .invalidArgument(name: field, reason: "must name an .mp4 file, got '\(file.lastPathComponent)'")
        }
        return file
    }
}
