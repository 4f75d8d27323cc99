import Foundation
import TimmyCore

/// Facts shared by the workspace file tools.
enum FileToolSupport {
    /// Folders never descended into by recursive listing and search: version control and build output.
    static let skippedFolders: Set<String> = [".git", ".build", "node_modules", ".venv", "__pycache__"]

    static func jail(_ context: ToolContext) -> PathJail { PathJail(root: context.settings.workspaceDirectory) }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Binary files are detected the way grep does: a NUL byte in the first 8 KiB.
    static func looksBinary(_ data: Data) -> Bool {
        data.prefix(8192).contains(0)
    }

    /// Regular files below `folder`, depth first, in name order, skipping build and VCS folders.
    static func walk(_ folder: URL, limit: Int, visit: (URL) -> Bool) {
        let keys: [URLResourceKey] = [.isDirectoryKey, .isRegularFileKey]
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: keys, options: [.producesRelativePathURLs])
        else { return }
        var seen = 0
        while let url = enumerator.nextObject() as? URL {
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isDirectory == true {
                if skippedFolders.contains(url.lastPathComponent) { enumerator.skipDescendants() }
                continue
            }
            guard values?.isRegularFile == true else { continue }
            seen += 1
            if seen > limit || !visit(url.absoluteURL.standardizedFileURL) { return }
        }
    }
}
