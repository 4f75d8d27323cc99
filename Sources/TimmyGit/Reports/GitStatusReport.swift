/// A path in `git status` and what happened to it.
public struct GitStatusEntry: Codable, Sendable, Equatable {
    public let path: String
    /// modified, added, deleted, renamed, copied or type changed.
    public let change: String
    /// The old path of a rename.
    public let from: String?
}

/// Result of `git_status`: where HEAD is, how it compares with its upstream, and every changed path.
public struct GitStatusReport: GitReport, Equatable {
    public var repository: String
    /// The checked-out branch; nil when HEAD is detached.
    public var branch: String?
    /// The commit HEAD points at; nil before the first commit.
    public var head: String?
    public var upstream: String?
    public var ahead: Int?
    public var behind: Int?
    public var staged: [GitStatusEntry] = []
    public var unstaged: [GitStatusEntry] = []
    public var untracked: [String] = []
    public var conflicted: [String] = []
    /// A merge, rebase, cherry-pick or revert left in progress.
    public var operation: GitOperation?

    init(repository: String) { self.repository = repository }

    /// No staged, unstaged, untracked or conflicted paths.
    public var isClean: Bool { staged.isEmpty && unstaged.isEmpty && untracked.isEmpty && conflicted.isEmpty }

    private var position: String {
        let name = branch ?? "detached HEAD at \(head.map { String($0.prefix(7)) } ?? "nothing")"
        guard let upstream else { return name }
        return "\(name) (tracking \(upstream): ahead \(ahead ?? 0), behind \(behind ?? 0))"
    }

    public var summary: String {
        if isClean { return "\(position): clean" }
        let counts = [(staged.count, "staged"), (unstaged.count, "unstaged"), (untracked.count, "untracked"), (conflicted.count, "conflicted")]
        return "\(position): " + counts.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }

    public var text: String {
        var lines = ["On \(position)"]
        if let operation { lines.append(operation.advice) }
        func section(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append("\(title):")
            lines += items.map { "  \($0)" }
        }
        section("Conflicted", conflicted)
        section("Staged", staged.map { "\($0.change): \($0.from.map { "\($0) → " } ?? "")\($0.path)" })
        section("Not staged", unstaged.map { "\($0.change): \($0.path)" })
        section("Untracked", untracked)
        if isClean { lines.append("Nothing to commit, working tree clean.") }
        return lines.joined(separator: "\n")
    }
}
