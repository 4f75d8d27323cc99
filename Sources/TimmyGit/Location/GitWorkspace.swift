import Foundation
import TimmyCore
import TimmyFileTools

/// Where the git tools may reach: `git_default_repo_dir`, where repositories are named and cloned
/// (created on first use), and the folders of `repo_roots`. Anything else is refused.
struct GitWorkspace: Sendable {
    let settings: Settings
    let roots: [PathJail]
    let git = GitRunner()

    init(settings: Settings) throws(GitToolError) {
        let folder = settings.gitDefaultRepoDirectory
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .folderUnavailable(path: folder.path, reason: error.localizedDescription)
        }
        self.settings = settings
        roots = settings.repoRoots.map { PathJail(root: $0) }
    }

    /// `git_default_repo_dir` with symlinks resolved.
    var defaultDirectory: URL { roots[0].root }

    var rootPaths: [String] { roots.map(\.root.path) }

    /// Resolves a folder argument: absolute and `~` paths must fall inside a root (after following
    /// symlinks); other paths are taken below `git_default_repo_dir`.
    func locate(_ path: String, argument: String) throws(GitToolError) -> URL {
        guard !path.isEmpty, !path.contains("\0") else {
            throw .refusedValue(argument: argument, value: path, reason: "is empty or contains a NUL byte")
        }
        let absolute = path.hasPrefix("/") || path == "~" || path.hasPrefix("~/")
        let candidate = absolute ? settings.resolvePath(path).path : path
        for jail in absolute ? roots : [roots[0]] {
            if let url = try? jail.resolve(candidate, argument: argument) { return url }
        }
        throw .outsideRoots(path: path, roots: rootPaths)
    }

    /// The working tree a `repo` argument names; it must exist and hold a repository whose git folder is inside a root.
    func repository(_ argument: String) throws(GitToolError) -> GitRepository {
        let url = try locate(argument, argument: "repo")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .repositoryNotFound(name: argument, folder: url.deletingLastPathComponent().path)
        }
        guard let gitDirectory = gitDirectory(of: url) else { throw .notARepository(path: url.path) }
        return GitRepository(url: url, gitDirectory: gitDirectory, git: git)
    }

    /// `.git` itself, or for linked worktrees the folder a `.git` file points to, when that is inside a root.
    private func gitDirectory(of url: URL) -> URL? {
        let dotGit = url.appendingPathComponent(".git")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return dotGit }
        guard let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir: ") else { return nil }
        let target = text.dropFirst("gitdir: ".count).trimmingCharacters(in: .whitespacesAndNewlines)
        let resolved = (target.hasPrefix("/") ? URL(fileURLWithPath: target) : url.appendingPathComponent(target))
            .standardizedFileURL.resolvingSymlinksInPath()
        return roots.contains { $0.contains(resolved) } ? resolved : nil
    }
}

extension GitWorkspace {
    /// The repository a tool call names, under the call's settings.
    static func repository(_ name: String, _ context: ToolContext) throws -> GitRepository {
        try GitWorkspace(settings: context.settings).repository(name)
    }
}
