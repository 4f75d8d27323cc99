import Foundation

/// Reads `git for-each-ref refs/heads` written with `BranchListParser.format`: one record per
/// branch, fields separated by NUL.
enum BranchListParser {
    static let format =
        "--format=%(HEAD)%00%(refname:short)%00%(upstream:short)%00%(upstream:track,nobracket)%00"
        + "%(objectname)%00%(committerdate:iso-strict)%00%(subject)%1e"

    static func parse(_ bytes: [UInt8]) -> [GitBranchInfo] {
        bytes.split(separator: Separator.record).compactMap { record in
            let fields = record.drop { $0 == Separator.newline }.fields(Separator.nul).map(\.text)
            guard fields.count == 7 else { return nil }
            let track = fields[3]
            return GitBranchInfo(
                name: fields[1], current: fields[0] == "*", upstream: fields[2].isEmpty ? nil : fields[2],
                ahead: count(track, "ahead"), behind: count(track, "behind"), upstreamGone: track == "gone", sha: fields[4],
                date: fields[5], subject: fields[6])
        }
    }

    /// The number after `word` in "ahead 2, behind 1".
    private static func count(_ track: String, _ word: String) -> Int? {
        guard let range = track.range(of: word + " ") else { return nil }
        return Int(track[range.upperBound...].prefix { $0.isNumber })
    }
}
