/// Result of `git_pr_view`: one pull request with its mergeability, checks, diff stats, reviews and comments.
public struct GitPRViewReport: GitReport {
    public let place: PullRequestPlace
    public let pullRequest: PullRequest
    /// The head commit's combined status: `success`, `pending`, `failure`, `error`, or `none` without checks.
    public let checksState: String
    public let checks: [CommitCheck]
    public let reviews: [PullRequestReview]
    public let comments: [PullRequestComment]

    public var summary: String {
        let mergeable = pullRequest.mergeable.map { $0 ? "mergeable" : "not mergeable" } ?? "mergeability unknown"
        return "pull request \(pullRequest.line) on \(place.host) \(place.fullName): \(mergeable), checks \(checksState), "
            + "\(reviews.count) review\(reviews.count == 1 ? "" : "s"), \(comments.count) comment\(comments.count == 1 ? "" : "s")"
    }

    public var text: String {
        var lines = [summary, "by \(pullRequest.author)", pullRequest.url]
        if let files = pullRequest.changedFiles {
            lines.append("\(files) files changed, +\(pullRequest.additions ?? 0) -\(pullRequest.deletions ?? 0)")
        }
        lines.append(pullRequest.body)
        lines += checks.map { "check \($0.context): \($0.state)\($0.description.isEmpty ? "" : " (\($0.description))")" }
        lines += reviews.map { "review by \($0.author): \($0.state)\($0.body.isEmpty ? "" : ": \($0.body)")" }
        lines += comments.map { "comment by \($0.author): \($0.body)" }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
