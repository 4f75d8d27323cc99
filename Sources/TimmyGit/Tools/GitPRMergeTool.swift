import TimmyCore

/// Merges a pull request on its forge; one the forge cannot merge stays open.
public struct GitPRMergeTool: Tool {
    public let name = "git_pr_merge"
    public let family = "git"
    public let summary = "Merge a pull request by merge commit, squash or rebase, optionally deleting its branch"
    public let allowedPersonas = GitTools.writers

    /// How the branch is combined into the base.
    public enum Method: String, FieldChoice {
        case merge, squash, rebase
    }

    public struct Input: NumberedPullRequestInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("the pull request's number", .positional, .within(1...1_000_000_000)) public var number: Int
        @Field("merge, squash or rebase") public var method = Method.merge
        @Field("delete the head branch on the forge after merging") public var deleteBranch = false
        @Field("the remote whose forge holds it (default: origin)") public var remote: String?
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let session = try await ForgeSession.open(input, context)
        let api = session.api
        let before = try await api.get(input.number)
        guard before.state == "open" else {
            throw GitToolError.forgeRefused(
                host: session.forge.host, status: 0, message: "pull request #\(input.number) is \(before.state), not open; nothing was merged")
        }
        try await api.merge(input.number, method: input.method, deleteBranch: input.deleteBranch, head: before.head)
        let after = try await api.get(input.number)
        return GitPRReport(
            place: session.place, action: "merged", pullRequest: after, method: input.method.rawValue, branchDeleted: input.deleteBranch
        ).toolResult
    }
}
