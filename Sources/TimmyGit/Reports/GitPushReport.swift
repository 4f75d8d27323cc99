/// Result of `git_push`: what the remote now has.
public struct GitPushReport: GitReport {
    public let repository: String
    public let remote: String
    /// The remote's URL, credentials redacted.
    public let url: String?
    public let branch: String
    public let remoteRef: String
    /// "new branch", "fast-forward", "forced update" or "up to date".
    public let outcome: String
    /// The commits moved, as git prints them ("1a2b3c4..5d6e7f8"), when the branch moved.
    public let range: String?
    public let upstreamSet: Bool

    public var summary: String {
        "pushed \(branch) to \(remote) (\(outcome)\(range.map { " \($0)" } ?? ""))\(upstreamSet ? ", upstream set" : "")"
    }

    public var text: String {
        var lines = [summary, "remote ref: \(remoteRef)"]
        if let url { lines.append("url: \(url)") }
        return lines.joined(separator: "\n")
    }
}
