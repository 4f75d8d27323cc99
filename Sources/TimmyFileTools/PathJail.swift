import Foundation
import TimmyCore

/// Keeps paths inside a root folder: relative paths are resolved against the root, symlinks are
/// followed, and anything that ends up outside (`..`, absolute paths, links leading out) is refused.
public struct PathJail: Sendable {
    /// The root, with symlinks resolved.
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Resolves `path` inside the root. A path that does not exist yet is checked through its
    /// nearest existing ancestor, so a new file cannot be placed outside by a linked folder.
    public func resolve(_ path: String, argument: String = "path") throws(ToolError) -> URL {
        guard !path.contains("\0") else { throw .invalidArgument(name: argument, reason: "contains a NUL byte") }
        let candidate = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path.isEmpty ? "." : path)
        let standardized = candidate.standardizedFileURL
        var existing = standardized
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var resolved = existing.resolvingSymlinksInPath()
        for component in missing { resolved.appendPathComponent(component) }
        guard contains(resolved) else {
            throw .invalidArgument(name: argument, reason: "'\(path)' is outside the allowed folder \(root.path)")
        }
        return resolved
    }

    /// True when the URL is the root or below it.
    public func contains(_ url: URL) -> Bool {
        let path = url.standardizedFileURL.path
        return path == root.path || path.hasPrefix(root.path == "/" ? "/" : root.path + "/")
    }

    /// The path relative to the root, "." for the root itself.
    public func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        if path == root.path { return "." }
        return String(path.dropFirst(root.path.count + 1))
    }
}
