import TimmyCore

/// Adds a comment to a pull request's conversation.
public struct GitPRCommentTool: Tool {
    public let name = "git_pr_comment"
    public let family = "git"
    public let summary = "Comment on a pull request"
    public let allowedPersonas = GitTools.writers

    public struct Input: NumberedPullRequestInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("the pull request's number", .positional, .within(1...1_000_000_000)) public var number: Int
        @Field("the comment (Markdown)", .short("m"), .fromFile, .text(maxLength: 65_536)) public var body: String
        @Field("the remote whose forge holds it (default: origin)") public var remote: String?
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let body = try PullRequestText.body(input.body, field: Input.name(of: \.body))
        let session = try await ForgeSession.open(input, context)
        let comment = try await session.api.comment(input.number, body: body)
        return GitPRFeedbackReport(place: session.place, number: input.number, comment: comment, review: nil).toolResult
    }
}
