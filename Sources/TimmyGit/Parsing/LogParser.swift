import Foundation

/// Reads `git log -z --numstat` written with `LogParser.format`: each commit opens with a record
/// separator, its fields are split by unit separators, and its numstat records follow.
enum LogParser {
    /// The `--format` the parser expects: sha, author, email, author date, decorations, subject.
    static let format = "--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%D%x1f%s"

    /// The log options for commits with their file counts, as the tools and the benchmark run them.
    static let options = ["log", "-z", "--numstat", "--no-color", "--no-ext-diff", "--no-textconv", format]

    static func parse(_ bytes: [UInt8]) -> [GitCommit] {
        bytes.split(separator: Separator.record).compactMap { chunk in
            var cursor = ByteCursor(chunk)
            guard let header = cursor.next() else { return nil }
            let fields = header.split(separator: Separator.field, maxSplits: 5, omittingEmptySubsequences: false).map(\.text)
            guard fields.count == 6 else { return nil }
            let refs = fields[4].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return GitCommit(
                sha: fields[0], author: fields[1], email: fields[2], date: fields[3], subject: fields[5], refs: refs,
                files: NumstatParser.parse(&cursor))
        }
    }
}
