import TimmyCore

/// Shows one pull request: state, mergeability, the head's checks, diff stats, reviews and comments.
public struct GitPRViewTool: Tool {
    public let name = "git_pr_view"
    public let family = "git"
    public let summary = "Show a pull request: state, mergeability, checks, diff stats, reviews and comments"
    public let allowedPersonas: Set<String> = ["forge", "helm", "echo", "timmy"]

    public typealias Input = PullRequestNumber

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let session = try await ForgeSession.open(input, context)
        let api = session.api
        let pull = try await api.get(input.number)
        var status: (state: String, checks: [CommitCheck]) = ("none", [])
        if let sha = pull.headSha { status = try await api.status(sha) }
        let reviews = try await api.reviews(input.number)
        let comments = try await api.comments(input.number)
        return GitPRViewReport(
            place: session.place, pullRequest: pull, checksState: status.state, checks: status.checks, reviews: reviews, comments: comments
        ).toolResult
    }
}
