/// One entry of the stash.
public struct GitStashEntry: Codable, Sendable, Equatable {
    /// `stash@{0}`, newest first.
    public let name: String
    public let sha: String
    public let date: String
    public let message: String
}

/// Result of `git_stash`: what was done, and the stash afterwards.
public struct GitStashReport: GitReport {
    public let repository: String
    /// push, list, apply, pop or drop.
    public let action: String
    /// The entry acted on; nil for push and list.
    public let entry: String?
    public let entries: [GitStashEntry]

    public var summary: String {
        switch action {
        case "push": "stashed the changes as \(entries.first.map { "\($0.name): \($0.message)" } ?? "a new entry")"
        case "list": "\(entries.count) stash entr\(entries.count == 1 ? "y" : "ies")"
        case "apply": "applied \(entry ?? "")"
        case "pop": "applied and dropped \(entry ?? "")"
        default: "dropped \(entry ?? "")"
        }
    }

    public var text: String {
        ([summary] + entries.map { "\($0.name) \($0.sha.prefix(7)) \($0.date.prefix(10)) \($0.message)" }).joined(separator: "\n")
    }
}
