/// Result of `git_add`: what was asked for, and everything staged now.
public struct GitAddReport: GitReport {
    public let repository: String
    /// The paths asked for; empty when every change was staged.
    public let paths: [String]
    public let staged: [GitStatusEntry]

    public var summary: String {
        let asked = paths.isEmpty ? "all changes" : paths.joined(separator: ", ")
        return "staged \(asked): \(staged.count) path\(staged.count == 1 ? "" : "s") staged in total"
    }

    public var text: String {
        ([summary] + staged.map { "  \($0.change): \($0.path)" }).joined(separator: "\n")
    }
}
