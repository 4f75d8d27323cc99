/// Result of `git_clone`: where the repository now lives and what is checked out.
public struct GitCloneReport: GitReport {
    /// The new working tree.
    public let repository: String
    /// Its folder name: what other git tools accept as `repo` when it is under git_default_repo_dir.
    public let name: String
    /// The source, credentials redacted.
    public let url: String
    /// The checked-out branch; nil for an empty or detached clone.
    public let branch: String?
    /// The checked-out commit; nil for an empty repository.
    public let head: GitCommit?

    public var summary: String {
        let at = head.map { " at \($0.shortSHA)" } ?? " (empty repository)"
        return "cloned \(url) into \(repository) (\(branch ?? "detached HEAD")\(at))"
    }

    public var text: String {
        ([summary] + (head.map { ["latest: \($0.line)"] } ?? [])).joined(separator: "\n")
    }
}
