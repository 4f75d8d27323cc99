import TimmyCore
import TimmyProcess

/// Stages files, or every change, for the next commit.
public struct GitAddTool: Tool {
    public let name = "git_add"
    public let family = "git"
    public let summary = "Stage the given paths, or all changes (new, modified and deleted files)"
    public let allowedPersonas = GitTools.writers

    public struct Input: RepositoryInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("files or folders to stage, relative to the repository", .positional) public var paths: [String] = []
        @Field("stage every change in the working tree") public var all = false
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(input.repo, context)
        let paths = try input.paths.map { try repository.file($0) }
        let all = input.all
        guard all != !paths.isEmpty else { throw Input.invalid(\.paths, "give paths, or all: true (not both)") }
        _ = try await repository.succeed(all ? ["add", "--all"] : ["add", "--"] + paths) { output in
            GitFailure.quoted(in: output.errorText, after: ["pathspec '"]).map(GitToolError.pathNotFound)
        }
        let status = try await repository.status()
        return GitAddReport(repository: repository.path, paths: paths, staged: status.staged).toolResult
    }
}
