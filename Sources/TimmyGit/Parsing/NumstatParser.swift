/// Reads `--numstat -z` records: `added TAB removed TAB path NUL`, or for a rename
/// `added TAB removed TAB NUL from NUL to NUL`; binary files count `-` for both.
enum NumstatParser {
    /// Consumes records until an empty one (the end marker `diff --numstat -z --patch` writes) or the end of input.
    static func parse(_ cursor: inout ByteCursor) -> [GitFileChange] {
        var changes: [GitFileChange] = []
        while let record = cursor.next() {
            let trimmed = record.drop { $0 == Separator.newline }
            guard !trimmed.isEmpty else { break }
            let parts = trimmed.split(separator: Separator.tab, maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            let added = Int(parts[0].text)
            let removed = Int(parts[1].text)
            if parts[2].isEmpty {
                let from = cursor.next()?.text ?? ""
                let to = cursor.next()?.text ?? ""
                changes.append(GitFileChange(path: to, from: from, added: added, removed: removed))
            } else {
                changes.append(GitFileChange(path: parts[2].text, from: nil, added: added, removed: removed))
            }
        }
        return changes
    }
}
