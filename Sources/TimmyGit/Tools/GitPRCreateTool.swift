import TimmyCore

/// Opens a pull request from a branch that is already on the remote.
public struct GitPRCreateTool: Tool {
    public let name = "git_pr_create"
    public let family = "git"
    public let summary = "Open a pull request on the remote's forge (GitHub, Gitea or Forgejo) from a pushed branch"
    public let allowedPersonas = GitTools.writers

    public struct Input: PullRequestInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("the pull request's title, one line", .short("t"), .text(maxLength: 256)) public var title: String
        @Field("its description (Markdown)", .text(maxLength: 65_536)) public var body: String?
        @Field("the branch to merge from; it must be pushed (default: the current branch)") public var head: String?
        @Field("the branch to merge into (default: the forge's default branch)") public var base: String?
        @Field("open it as a draft") public var draft = false
        @Field("the remote whose forge gets the pull request (default: the head's upstream remote, else origin)") public var remote: String?
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let title = try PullRequestText.line(input.title, field: Input.name(of: \.title))
        let body = try PullRequestText.body(input.body ?? "", field: Input.name(of: \.body))
        let repository = try GitWorkspace.repository(input.repo, context)
        let head =
            if let name = input.head {
                try await GitNames.branch(name, argument: Input.name(of: \.head), git: repository.git, in: repository.url)
            } else {
                try await repository.currentBranch(for: "open a pull request")
            }
        let upstream = try await GitPushTool.upstream(of: head, in: repository).remote
        let session = try await ForgeSession.open(input, context, remote: upstream ?? "origin")
        let base =
            if let name = input.base {
                try await GitNames.branch(name, argument: Input.name(of: \.base), git: repository.git, in: repository.url)
            } else {
                try await session.api.defaultBranch()
            }
        guard head != base else { throw Input.invalid(\.base, "is the head branch '\(head)' itself; name the branch to merge into") }
        guard try await session.isPushed(head) else { throw GitToolError.branchNotPushed(branch: head, remote: session.remote) }
        let pull = try await session.api.create(head: head, base: base, title: title, body: body, draft: input.draft)
        return GitPRReport(place: session.place, action: "created", pullRequest: pull, method: nil, branchDeleted: false).toolResult
    }
}
