import TimmyCore

/// The input of a pull-request tool that needs only which pull request: view and close.
public struct PullRequestNumber: NumberedPullRequestInput {
    @Field(GitTools.repoSummary, .positional) public var repo: String
    @Field("the pull request's number", .positional, .within(1...1_000_000_000)) public var number: Int
    @Field("the remote whose forge holds it (default: origin)") public var remote: String?
    public init() {}
}
