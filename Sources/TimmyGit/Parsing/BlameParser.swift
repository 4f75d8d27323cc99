/// Reads `git blame --porcelain`: per line a header `<sha> <orig> <final> [<count>]`, the commit's
/// `key value` lines the first time that commit appears, then the line itself after a tab.
/// Works on bytes: splitting the text by characters costs more than git's own work.
enum BlameParser {
    private struct CommitInfo {
        var author = ""
        var email = ""
        var time = 0
        var date = ""
        var summary = ""
    }

    static func parse(_ bytes: [UInt8]) -> [GitBlameLine] {
        var commits: [String: CommitInfo] = [:]
        var lines: [GitBlameLine] = []
        var sha = ""
        var number = 0
        var cursor = ByteCursor(bytes)
        while let line = cursor.next(until: Separator.newline) {
            if line.first == Separator.tab {
                let info = commits[sha] ?? CommitInfo()
                lines.append(
                    GitBlameLine(
                        line: number, sha: sha, author: info.author, email: info.email, date: info.date,
                        summary: info.summary, text: line.dropFirst().text))
                continue
            }
            let space = line.firstIndex(of: Separator.space) ?? line.endIndex
            let key = line[..<space]
            let value = line[min(space + 1, line.endIndex)...]
            if key.count >= 40, key.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) {
                sha = key.text
                number = value.split(separator: Separator.space).dropFirst().first.flatMap { Int($0.text) } ?? number + 1
                continue
            }
            switch key.text {
            case "author": commits[sha, default: CommitInfo()].author = value.text
            case "author-mail": commits[sha, default: CommitInfo()].email = value.drop { $0 == 0x3C }.prefix { $0 != 0x3E }.text
            case "author-time": commits[sha, default: CommitInfo()].time = Int(value.text) ?? 0
            case "author-tz": commits[sha, default: CommitInfo()].date = GitDate.iso(seconds: commits[sha]?.time ?? 0, zone: value.text)
            case "summary": commits[sha, default: CommitInfo()].summary = value.text
            default: continue
            }
        }
        return lines
    }
}
