/// Which words point at which tools. The planner uses it to decide whether a request is
/// about a tool at all, and auctions use it to explain what a task asked for.
public enum ToolKeywordMap {
    public static let entries: [(phrase: String, tool: String)] = [
        ("list", "list_files"), ("files", "list_files"), ("ls", "list_files"),
        ("read", "read_file"), ("cat", "read_file"), ("open", "read_file"), ("contents", "read_file"),
        ("search", "search_files"), ("grep", "search_files"), ("find", "search_files"),
        ("write", "write_file"), ("save", "write_file"),
        ("git status", "git_status"), ("git log", "git_log"), ("commits", "git_log"),
        ("commit", "git_commit"), ("branch", "git_branch"), ("push", "git_push"), ("pull", "git_pull"),
        ("diff", "git_diff"), ("clone", "git_clone"), ("merge", "git_pull"), ("stash", "git_stash"),
        ("blame", "git_blame"),
    ]

    /// The tools the text's words point at, in map order without repeats.
    public static func tools(for text: WordMatcher) -> [String] {
        var seen: Set<String> = []
        return entries.filter { text.contains(phrase: $0.phrase) }.map(\.tool).filter { seen.insert($0).inserted }
    }
}
