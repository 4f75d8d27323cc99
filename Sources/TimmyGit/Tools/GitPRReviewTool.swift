import TimmyCore

/// Reviews a pull request: approves it, asks for changes, or comments.
public struct GitPRReviewTool: Tool {
    public let name = "git_pr_review"
    public let family = "git"
    public let summary = "Review a pull request: approve, request changes, or comment"
    public let allowedPersonas: Set<String> = ["forge", "helm", "mace"]

    /// What the review says.
    public enum Event: String, FieldChoice {
        case approve
        case requestChanges = "request_changes"
        case comment
    }

    public struct Input: NumberedPullRequestInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("the pull request's number", .positional, .within(1...1_000_000_000)) public var number: Int
        @Field("approve, request_changes or comment") public var event = Event.comment
        @Field("what the review says (required to request changes or comment)", .short("m"), .fromFile, .text(maxLength: 65_536))
        public var body: String?
        @Field("the remote whose forge holds it (default: origin)") public var remote: String?
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let body = try PullRequestText.body(input.body ?? "", field: Input.name(of: \.body))
        if input.event != .approve, body.isEmpty {
            throw Input.invalid(\.body, "is needed to \(input.event == .comment ? "comment" : "request changes")")
        }
        let session = try await ForgeSession.open(input, context)
        let review = try await session.api.review(input.number, event: input.event, body: body)
        return GitPRFeedbackReport(place: session.place, number: input.number, comment: nil, review: review).toolResult
    }
}
