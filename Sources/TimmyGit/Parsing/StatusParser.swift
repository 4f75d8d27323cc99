/// Reads `git status --porcelain=v2 --branch -z`: `# branch.*` headers, then one record per
/// changed (`1`), renamed (`2`, followed by its old path), unmerged (`u`) or untracked (`?`) path.
enum StatusParser {
    static let options = ["status", "--porcelain=v2", "--branch", "-z"]

    static func parse(_ bytes: [UInt8], repository: String) -> GitStatusReport {
        var report = GitStatusReport(repository: repository)
        var cursor = ByteCursor(bytes)
        while let record = cursor.next() {
            let line = record.text
            guard let kind = line.first else { continue }
            switch kind {
            case "#": header(line, into: &report)
            case "1": entry(line, fields: 9, from: nil, into: &report)
            case "2": entry(line, fields: 10, from: cursor.next()?.text, into: &report)
            case "u": report.conflicted.append(field(line, count: 11))
            case "?": report.untracked.append(String(line.dropFirst(2)))
            default: continue
            }
        }
        return report
    }

    private static func header(_ line: String, into report: inout GitStatusReport) {
        let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count == 3 else { return }
        switch parts[1] {
        case "branch.oid": report.head = parts[2] == "(initial)" ? nil : parts[2]
        case "branch.head": report.branch = parts[2] == "(detached)" ? nil : parts[2]
        case "branch.upstream": report.upstream = parts[2]
        case "branch.ab":
            let counts = parts[2].split(separator: " ").compactMap { Int($0.dropFirst()) }
            if counts.count == 2 { (report.ahead, report.behind) = (counts[0], counts[1]) }
        default: break
        }
    }

    /// `1 XY …` and `2 XY …` records: X is the index (staged) state, Y the working-tree state.
    private static func entry(_ line: String, fields: Int, from: String?, into report: inout GitStatusReport) {
        let path = field(line, count: fields)
        let states = Array(line.dropFirst(2).prefix(2))
        guard states.count == 2 else { return }
        if let change = change(states[0]) { report.staged.append(GitStatusEntry(path: path, change: change, from: from)) }
        if let change = change(states[1]) { report.unstaged.append(GitStatusEntry(path: path, change: change, from: nil)) }
    }

    /// The last of `count` space-separated fields: the path, which may itself contain spaces.
    private static func field(_ line: String, count: Int) -> String {
        line.split(separator: " ", maxSplits: count - 1, omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }

    private static func change(_ state: Character) -> String? {
        switch state {
        case "M": "modified"
        case "T": "type changed"
        case "A": "added"
        case "D": "deleted"
        case "R": "renamed"
        case "C": "copied"
        default: nil
        }
    }
}
