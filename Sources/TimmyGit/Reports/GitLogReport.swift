/// Result of `git_log`: commits, newest first.
public struct GitLogReport: GitReport {
    public let repository: String
    public let ref: String?
    public let path: String?
    public let commits: [GitCommit]

    public var summary: String {
        let scope = [ref.map { "on \($0)" }, path.map { "touching \($0)" }].compactMap { $0 }.joined(separator: " ")
        let newest = commits.first.map { ", newest \($0.shortSHA) \"\($0.subject)\"" } ?? ""
        return "\(commits.count) commit\(commits.count == 1 ? "" : "s")\(scope.isEmpty ? "" : " " + scope)\(newest)"
    }

    public var text: String {
        commits.isEmpty ? "No commits yet." : commits.map(\.line).joined(separator: "\n")
    }
}
