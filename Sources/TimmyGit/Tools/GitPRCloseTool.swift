import TimmyCore

/// Closes a pull request without merging it.
public struct GitPRCloseTool: Tool {
    public let name = "git_pr_close"
    public let family = "git"
    public let summary = "Close a pull request without merging it"
    public let allowedPersonas = GitTools.writers

    public typealias Input = PullRequestNumber

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let session = try await ForgeSession.open(input, context)
        let pull = try await session.api.close(input.number)
        return GitPRReport(place: session.place, action: "closed", pullRequest: pull, method: nil, branchDeleted: false).toolResult
    }
}
