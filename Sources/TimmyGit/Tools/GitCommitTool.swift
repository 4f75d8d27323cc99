import Foundation
import TimmyCore
import TimmyProcess

/// Commits the index with a message; refuses an empty commit.
public struct GitCommitTool: Tool {
    public let name = "git_commit"
    public let family = "git"
    public let summary = "Commit the staged changes with a message and return the new commit"
    public let allowedPersonas = GitTools.writers

    public struct Input: RepositoryInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("the commit message", .text(), .short("m")) public var message: String
        @Field("author as \"Name <email>\" (default: the configured user)") public var author: String?
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(input.repo, context)
        let message = input.message
        let author = try input.author.map(Self.identity)
        let environment: [String: String?] = author.map { ["GIT_AUTHOR_NAME": $0.name, "GIT_AUTHOR_EMAIL": $0.email] } ?? [:]
        _ = try await repository.succeed(["commit", "--quiet", "--message=\(message)"], environment: environment) { output throws(GitToolError) in
            let said = output.outputText + output.errorText
            if said.contains("unmerged files") { return .unmergedFiles(try await repository.status().conflicted) }
            return Self.nothingToCommit(said).map { .nothingToCommit(repository: repository.path, hint: $0) }
        }
        guard let commit = try await repository.headCommit() else {
            throw GitToolError.gitFailed(command: "git commit", status: "exit status 0", message: "no commit found after committing")
        }
        let branch = commit.refs.first { $0.hasPrefix("HEAD -> ") }.map { String($0.dropFirst("HEAD -> ".count)) }
        return GitCommitReport(repository: repository.path, branch: branch, commit: commit).toolResult
    }

    /// Splits "Name <email>".
    static func identity(_ text: String) throws(ToolError) -> (name: String, email: String) {
        guard let match = text.wholeMatch(of: /\s*([^<>]+?)\s*<([^<>\s]+)>\s*/) else {
            throw Input.invalid(\.author, "must look like \"Name <email>\", got '\(text)'")
        }
        return (String(match.1), String(match.2))
    }

    /// Git's reasons for having nothing to commit, said plainly.
    static func nothingToCommit(_ text: String) -> String? {
        if text.contains("no changes added to commit") {
            return "changes exist but none are staged; stage them with git_add (or ask to commit all changes)"
        }
        if text.contains("nothing added to commit but untracked files present") {
            return "only untracked files are present; stage them with git_add"
        }
        return text.contains("nothing to commit") ? "the working tree is clean" : nil
    }
}
