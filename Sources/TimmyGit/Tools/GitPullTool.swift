import Foundation
import TimmyCore
import TimmyProcess

/// Fetches and integrates a remote branch by merge or rebase, and reports how the repository was left.
public struct GitPullTool: Tool {
    public let name = "git_pull"
    public let family = "git"
    public let summary = "Fetch and integrate remote changes (merge or rebase); reports fast-forward, merge or conflicts"
    public let allowedPersonas = GitTools.writers

    public struct Input: RepositoryInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("remote name such as origin (default: the current branch's upstream)") public var remote: String?
        @Field("with remote: the remote branch to pull") public var branch: String?
        @Field("rebase local commits onto the fetched ones instead of merging") public var rebase = false
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(input.repo, context)
        let remote = try input.remoteName(\.remote)
        let branch = try input.revision(\.branch)
        if branch != nil, remote == nil { throw Input.invalid(\.branch, "needs remote as well") }
        let rebase = input.rebase
        let current = try await repository.currentBranch(for: "pull")
        let before = try await Self.head(repository)
        var command = ["pull", rebase ? "--rebase" : "--no-rebase", "--no-edit"]
        if let remote { command += ["--end-of-options", remote] + (branch.map { [$0] } ?? []) }
        let output = try await repository.succeed(command, timeout: GitRunner.networkTimeout) { output throws(GitToolError) in
            try await Self.failure(output, branch: current, remote: remote, repository: repository)
        }
        let after = try await Self.head(repository)
        let outcome =
            switch (before == after, output.outputText.contains("Fast-forward")) {
            case (true, _): "up to date"
            case (false, true): "fast-forward"
            default: rebase ? "rebased" : "merged"
            }
        var files: [GitFileChange] = []
        if let before, let after, before != after {
            let diff = try await repository.succeed(["diff", "--numstat", "-z", before, after])
            var cursor = ByteCursor(diff.standardOutput)
            files = NumstatParser.parse(&cursor)
        }
        return GitPullReport(repository: repository.path, branch: current, outcome: outcome, from: before, to: after, files: files).toolResult
    }

    private static func head(_ repository: GitRepository) async throws(GitToolError) -> String? {
        let output = try await repository.run(["rev-parse", "--verify", "--quiet", "HEAD"])
        return output.succeeded ? output.outputText.trimmingCharacters(in: .newlines) : nil
    }

    /// Conflicts are reported with the conflicted files and the state left behind; the rest as git said.
    private static func failure(
        _ output: ProcessOutput, branch: String, remote: String?, repository: GitRepository
    ) async throws(GitToolError) -> GitToolError {
        let said = output.outputText + output.errorText
        if said.contains("CONFLICT") || said.contains("could not apply") {
            let status = try await repository.status()
            let state = status.operation?.advice ?? "resolve the conflicts, stage the files and commit"
            return .pullConflicts(files: status.conflicted, state: state)
        }
        if said.contains("would be overwritten by merge") || said.contains("You have unstaged changes") {
            return .localChangesBlock(operation: "pull", files: GitFailure.indentedPaths(output))
        }
        if said.contains("There is no tracking information") { return .noUpstream(branch: branch) }
        if let missing = said.firstMatch(of: /couldn't find remote ref (\S+)/) { return .unknownBranch(String(missing.1)) }
        return GitFailure.classify(output, command: "git pull", directory: repository.url, remote: remote)
    }
}
