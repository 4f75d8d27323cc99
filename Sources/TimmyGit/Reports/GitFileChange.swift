/// One file in a diff or a commit, with its line counts (nil for binary files).
public struct GitFileChange: Codable, Sendable, Equatable {
    public let path: String
    /// The old path of a renamed or copied file.
    public let from: String?
    public let added: Int?
    public let removed: Int?

    /// `path  +3 -1`, or `old → new` for renames, `(binary)` for binary files.
    var line: String {
        let name = from.map { "\($0) → \(path)" } ?? path
        guard let added, let removed else { return "\(name)  (binary)" }
        return "\(name)  +\(added) -\(removed)"
    }
}

extension [GitFileChange] {
    var insertions: Int { reduce(0) { $0 + ($1.added ?? 0) } }
    var deletions: Int { reduce(0) { $0 + ($1.removed ?? 0) } }

    /// Git's own shortstat wording: "2 files changed, 5 insertions(+), 1 deletion(-)".
    var shortStat: String {
        var parts = ["\(count) file\(count == 1 ? "" : "s") changed"]
        if insertions > 0 { parts.append("\(insertions) insertion\(insertions == 1 ? "" : "s")(+)") }
        if deletions > 0 { parts.append("\(deletions) deletion\(deletions == 1 ? "" : "s")(-)") }
        return parts.joined(separator: ", ")
    }
}
