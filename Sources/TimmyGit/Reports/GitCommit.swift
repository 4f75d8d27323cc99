/// One commit as `git log` describes it, with the files it changed.
public struct GitCommit: Codable, Sendable, Equatable {
    public let sha: String
    public let author: String
    public let email: String
    /// Author date, ISO 8601 with offset.
    public let date: String
    public let subject: String
    /// Branches and tags pointing at it, as `git log --decorate` names them.
    public let refs: [String]
    public let files: [GitFileChange]
    public let filesChanged: Int
    public let insertions: Int
    public let deletions: Int

    init(sha: String, author: String, email: String, date: String, subject: String, refs: [String], files: [GitFileChange]) {
        self.sha = sha
        self.author = author
        self.email = email
        self.date = date
        self.subject = subject
        self.refs = refs
        self.files = files
        filesChanged = files.count
        insertions = files.insertions
        deletions = files.deletions
    }

    public var shortSHA: String { String(sha.prefix(7)) }

    /// `1a2b3c4 2024-05-01 Ada Lovelace: subject (2 files changed, 5 insertions(+))`.
    var line: String {
        "\(shortSHA) \(date.prefix(10)) \(author): \(subject) (\(files.shortStat))"
    }
}
