import TimmyCore

/// Shows where HEAD is, how it compares with its upstream, and every changed path.
public struct GitStatusTool: Tool {
    public let name = "git_status"
    public let family = "git"
    public let summary = "Show a repository's branch, upstream, ahead/behind and staged, unstaged, untracked and conflicted files"
    public let allowedPersonas: Set<String> = ["forge", "helm", "timmy"]

    public struct Input: RepositoryInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        try await GitWorkspace.repository(input.repo, context).status().toolResult
    }
}
