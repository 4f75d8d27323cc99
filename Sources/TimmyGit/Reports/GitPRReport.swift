/// Result of `git_pr_create`, `git_pr_merge` and `git_pr_close`: the pull request as the forge now has it.
public struct GitPRReport: GitReport {
    public let place: PullRequestPlace
    /// `created`, `merged` or `closed`.
    public let action: String
    public let pullRequest: PullRequest
    /// How a merge combined the branch: `merge`, `squash` or `rebase`.
    public let method: String?
    public let branchDeleted: Bool

    public var summary: String {
        let verb = ["created": "opened", "merged": "merged", "closed": "closed"][action] ?? action
        let how = method.map { " with \($0)" } ?? ""
        return "\(verb) pull request \(pullRequest.line) on \(place.host) \(place.fullName)\(how)\(branchDeleted ? ", branch deleted" : "")"
    }

    public var text: String { [summary, pullRequest.url].filter { !$0.isEmpty }.joined(separator: "\n") }
}
