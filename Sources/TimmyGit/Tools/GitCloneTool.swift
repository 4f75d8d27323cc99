import Foundation
import TimmyCore
import TimmyProcess

/// Clones a remote into `git_default_repo_dir/<name>`, or into a destination inside an allowed root.
public struct GitCloneTool: Tool {
    public let name = "git_clone"
    public let family = "git"
    public let summary = "Clone a remote (https, ssh, file URL or local path) into the repository folder"
    public let allowedPersonas = GitTools.writers
    public let parameters: [ToolParameter] = [
        .init("url", .string, "https://, http://, ssh://, user@host:path, file:// URL or a local path", required: true),
        .init("name", .string, "folder name under git_default_repo_dir (default: from the URL)"),
        .init("destination", .string, "instead of name: a new folder inside an allowed root"),
        .init("branch", .string, "branch to check out instead of the remote's default"),
        .init("depth", .integer, "shallow clone with this many commits (1-1000000)"),
    ]

    public init() {}

    public func run(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolResult {
        let workspace = try GitWorkspace(settings: context.settings)
        let url = try arguments.requiredString("url")
        let source = try GitURLPolicy.cloneSource(url, localPath: context.settings.resolvePath)
        let target = try Self.target(arguments, url: url, workspace: workspace)
        let depth = try arguments.int("depth", in: 1...1_000_000)
        var command = ["clone"]
        if let branch = arguments.string("branch") {
            command.append("--branch=\(try await GitNames.branch(branch, git: workspace.git, in: workspace.defaultDirectory))")
        }
        if let depth { command += ["--depth=\(depth)"] + (source.hasPrefix("/") ? ["--no-local"] : []) }
        let shown = GitURLPolicy.redact(url)
        _ = try await workspace.git.succeed(command + ["--", source, target.path], in: workspace.defaultDirectory, timeout: GitRunner.networkTimeout)
        {
            output in
            if let branch = output.errorText.firstMatch(of: /Remote branch (\S+) not found/) { return .unknownBranch(String(branch.1)) }
            if output.errorText.contains("does not exist") { return .remoteUnreachable(remote: shown, detail: "there is no repository there") }
            return GitFailure.remoteProblem(GitFailure.message(output))
        }
        let repository = GitRepository(url: target, gitDirectory: target.appendingPathComponent(".git"), git: workspace.git)
        let status = try await repository.status()
        let head = try await repository.headCommit()
        return GitCloneReport(repository: target.path, name: target.lastPathComponent, url: shown, branch: status.branch, head: head).toolResult
    }

    /// The new folder: `destination`, or `name` (or the URL's last component) under `git_default_repo_dir`; it must be absent or empty.
    private static func target(_ arguments: ToolArguments, url: String, workspace: GitWorkspace) throws -> URL {
        let destination = arguments.string("destination")
        let name = arguments.string("name")
        if destination != nil, name != nil { throw ToolError.invalidArgument(name: "destination", reason: "cannot be combined with name") }
        let target =
            if let destination {
                try workspace.locate(destination, argument: "destination")
            } else {
                workspace.defaultDirectory.appendingPathComponent(
                    try GitNames.folderName(name ?? GitURLPolicy.defaultName(for: url), argument: "name"))
            }
        let contents = try? FileManager.default.contentsOfDirectory(atPath: target.path)
        if FileManager.default.fileExists(atPath: target.path), contents?.isEmpty != true {
            throw GitToolError.destinationExists(target.path)
        }
        return target
    }
}
