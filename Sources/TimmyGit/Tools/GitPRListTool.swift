import TimmyCore

/// Lists a repository's pull requests on its forge, following the forge's pages.
public struct GitPRListTool: Tool {
    public let name = "git_pr_list"
    public let family = "git"
    public let summary = "List pull requests on the remote's forge by state, author and base branch"
    public let allowedPersonas: Set<String> = ["forge", "helm", "echo", "timmy"]

    /// Which pull requests to list.
    public enum State: String, FieldChoice {
        case open, closed, all
    }

    public struct Input: PullRequestInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("open, closed (merged included) or all") public var state = State.open
        @Field("only those opened by this forge user") public var author: String?
        @Field("only those merging into this branch") public var base: String?
        @Field("most pull requests to list; the forge's pages are followed until there are this many", .within(1...1_000)) public var limit = 30
        @Field("the remote whose forge holds them (default: origin)") public var remote: String?
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let author = try input.author.map { try ForgeNames.user($0, field: Input.name(of: \.author)) }
        let session = try await ForgeSession.open(input, context)
        var base: String?
        if let name = input.base {
            base = try await GitNames.branch(name, argument: Input.name(of: \.base), git: session.repository.git, in: session.repository.url)
        }
        let (pulls, more) = try await session.api.list(state: input.state.rawValue, author: author, base: base, limit: input.limit)
        return GitPRListReport(place: session.place, state: input.state.rawValue, author: author, base: base, pullRequests: pulls, more: more)
            .toolResult
    }
}
