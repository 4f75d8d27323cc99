/// Result of `git_commit`: the new commit and the branch it landed on.
public struct GitCommitReport: GitReport {
    public let repository: String
    /// nil when HEAD is detached.
    public let branch: String?
    public let commit: GitCommit

    /// "committed 1a2b3c4 on main: 2 files changed, 5 insertions(+)".
    public var summary: String {
        "committed \(commit.shortSHA) on \(branch ?? "detached HEAD"): \(commit.files.shortStat)"
    }

    public var text: String {
        (["[\(branch ?? "detached HEAD") \(commit.shortSHA)] \(commit.subject)", " \(commit.files.shortStat)"] + commit.files.map { "  \($0.line)" })
            .joined(separator: "\n")
    }
}
