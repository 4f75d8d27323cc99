/// Which words point at which tools, from the families' keywords: what a request mentions, for
/// explaining what it asked for.
public struct ToolKeywordMap: Sendable {
    public let entries: [(phrase: String, tool: String)]

    public init(_ families: [ToolFamily]) { entries = families.flatMap(\.keywords) }

    /// The tools the text's words point at, in map order without repeats.
    public func tools(for text: WordMatcher) -> [String] {
        var seen: Set<String> = []
        return entries.filter { text.contains(phrase: $0.phrase) }.map(\.tool).filter { seen.insert($0).inserted }
    }
}
