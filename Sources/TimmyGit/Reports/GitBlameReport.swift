import Foundation

/// One line of a file and the commit that last changed it.
public struct GitBlameLine: Codable, Sendable, Equatable {
    public let line: Int
    public let sha: String
    public let author: String
    public let email: String
    /// Author date, ISO 8601 with the author's offset.
    public let date: String
    /// The commit's subject.
    public let summary: String
    public let text: String
}

/// Result of `git_blame`.
public struct GitBlameReport: GitReport {
    public let repository: String
    public let path: String
    /// The revision blamed: a ref, or HEAD.
    public let revision: String
    public let lines: [GitBlameLine]

    public var summary: String {
        let commits = Set(lines.map(\.sha)).count
        return "blame of \(path) at \(revision): \(lines.count) line\(lines.count == 1 ? "" : "s") from \(commits) commit\(commits == 1 ? "" : "s")"
    }

    public var text: String {
        let width = lines.map(\.author.count).max() ?? 0
        return lines.map { line in
            "\(line.sha.prefix(7)) (\(line.author.padding(toLength: width, withPad: " ", startingAt: 0)) \(line.date.prefix(10)) \(line.line)) \(line.text)"
        }.joined(separator: "\n")
    }
}
