/// Result of `git_pull`: how the branch moved and which files changed.
public struct GitPullReport: GitReport {
    public let repository: String
    public let branch: String
    /// "up to date", "fast-forward", "merged" or "rebased".
    public let outcome: String
    public let from: String?
    public let to: String?
    public let files: [GitFileChange]

    public var summary: String {
        guard outcome != "up to date" else { return "\(branch) is up to date" }
        return "pulled into \(branch) (\(outcome) \(from.map { String($0.prefix(7)) } ?? "nothing")..\(to.map { String($0.prefix(7)) } ?? "")): "
            + files.shortStat
    }

    public var text: String {
        ([summary] + files.map { "  \($0.line)" }).joined(separator: "\n")
    }
}
