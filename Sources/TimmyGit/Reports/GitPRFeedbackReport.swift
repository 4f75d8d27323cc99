/// Result of `git_pr_comment` and `git_pr_review`: what was added to the pull request.
public struct GitPRFeedbackReport: GitReport {
    public let place: PullRequestPlace
    public let number: Int
    public let comment: PullRequestComment?
    public let review: PullRequestReview?

    public var summary: String {
        if let review { return "reviewed pull request #\(number) on \(place.host) \(place.fullName): \(review.state)" }
        return "commented on pull request #\(number) on \(place.host) \(place.fullName)"
    }

    public var text: String { [summary, review?.body ?? comment?.body ?? ""].filter { !$0.isEmpty }.joined(separator: "\n") }
}
