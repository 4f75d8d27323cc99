import Foundation
import TimmyCore
import TimmyProcess

/// Clones a remote into `git_default_repo_dir/<name>`, or into a destination inside an allowed root.
public struct GitCloneTool: Tool {
    public let name = "git_clone"
    public let family = "git"
    public let summary = "Clone a remote (https, ssh, file URL or local path) into the repository folder"
    public let allowedPersonas = GitTools.writers

    public struct Input: ToolInput {
        @Field("https://, http://, ssh://, user@host:path, file:// URL or a local path", .positional) public var url: String
        @Field("folder name under git_default_repo_dir (default: from the URL)") public var name: String?
        @Field("instead of name: a new folder inside an allowed root") public var destination: String?
        @Field("branch to check out instead of the remote's default") public var branch: String?
        @Field("shallow clone with this many commits", .within(1...1_000_000)) public var depth: Int?
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let workspace = try GitWorkspace(settings: context.settings)
        let url = input.url
        let source = try GitURLPolicy.cloneSource(url, localPath: context.settings.resolvePath)
        let target = try Self.target(input, workspace: workspace)
        let depth = input.depth
        var command = ["clone"]
        if let branch = input.branch {
            let checked = try await GitNames.branch(branch, argument: Input.name(of: \.branch), git: workspace.git, in: workspace.defaultDirectory)
            command.append("--branch=\(checked)")
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
    private static func target(_ input: Input, workspace: GitWorkspace) throws -> URL {
        let destination = input.destination
        let name = input.name
        if destination != nil, name != nil { throw Input.invalid(\.destination, "cannot be combined with name") }
        let target =
            if let destination {
                try workspace.locate(destination, argument: Input.name(of: \.destination))
            } else {
                workspace.defaultDirectory.appendingPathComponent(
                    try GitNames.folderName(name ?? GitURLPolicy.defaultName(for: input.url), argument: Input.name(of: \.name)))
            }
        let contents = try? FileManager.default.contentsOfDirectory(atPath: target.path)
        if FileManager.default.fileExists(atPath: target.path), contents?.isEmpty != true {
            throw GitToolError.destinationExists(target.path)
        }
        return target
    }
}
