/// Result of `git_pr_list`: the pull requests that matched, newest first as the forge orders them.
public struct GitPRListReport: GitReport {
    public let place: PullRequestPlace
    public let state: String
    public let author: String?
    public let base: String?
    public let pullRequests: [PullRequest]
    /// The forge has more than were listed (raise `limit`).
    public let more: Bool

    public var summary: String {
        let count = pullRequests.count
        return
            "\(count)\(more ? "+" : "") \(state == "all" ? "" : "\(state) ")pull request\(count == 1 ? "" : "s") on \(place.host) \(place.fullName)"
    }

    public var text: String { ([summary] + pullRequests.map { "\($0.line) by \($0.author)" }).joined(separator: "\n") }
}
