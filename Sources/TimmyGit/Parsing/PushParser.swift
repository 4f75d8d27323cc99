/// Reads `git push --porcelain`: a `To <url>` line, then `<flag> TAB <from>:<to> TAB <summary>` per ref.
enum PushParser {
    struct RefUpdate: Equatable {
        /// ` ` fast-forward, `+` forced, `-` deleted, `*` new, `!` rejected, `=` up to date.
        let flag: Character
        let summary: String
    }

    /// The remote URL, redacted.
    static func url(_ text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("To ") }.map { GitURLPolicy.redact(String($0.dropFirst(3))) }
    }

    /// The update of the ref pushed to `remoteRef`.
    static func update(_ text: String, remoteRef: String) -> RefUpdate? {
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, let flag = fields[0].first, fields[1].hasSuffix(":" + remoteRef) else { continue }
            return RefUpdate(flag: flag, summary: String(fields[2]))
        }
        return nil
    }
}
