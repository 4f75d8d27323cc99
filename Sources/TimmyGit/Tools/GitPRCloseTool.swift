import TimmyCore

/// Closes a pull request without merging it.
public struct GitPRCloseTool: Tool {
    public let name = "git_pr_close"
    public let family = "git"
    public let summary = "Close a pull request without merging it"
    public let allowedPersonas = GitTools.writers

    public struct Input: NumberedPullRequestInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("the pull request's number", .positional, .within(1...1_000_000_000)) public var number: Int
        @Field("the remote whose forge holds it (default: origin)") public var remote: String?
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let session = try await ForgeSession.open(input, context)
        let pull = try await session.api.close(input.number)
        return GitPRReport(place: session.place, action: "closed", pullRequest: pull, method: nil, branchDeleted: false).toolResult
    }
}
