/// Result of `git_diff`: which files changed by how much, and the patch itself.
public struct GitDiffReport: GitReport {
    public let repository: String
    /// What was compared: "unstaged changes", "staged changes", "working tree against main", "v1..v2".
    public let comparison: String
    public let files: [GitFileChange]
    public let insertions: Int
    public let deletions: Int
    public let patch: String

    init(repository: String, comparison: String, files: [GitFileChange], patch: String) {
        self.repository = repository
        self.comparison = comparison
        self.files = files
        insertions = files.insertions
        deletions = files.deletions
        self.patch = patch
    }

    public var summary: String {
        files.isEmpty ? "\(comparison): no changes" : "\(comparison): \(files.shortStat)"
    }

    public var text: String {
        guard !files.isEmpty else { return "No changes (\(comparison))." }
        return ([summary] + files.map { "  \($0.line)" } + ["", patch]).joined(separator: "\n")
    }
}
