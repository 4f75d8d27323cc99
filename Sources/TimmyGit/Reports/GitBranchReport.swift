/// A local branch, its upstream and its newest commit.
public struct GitBranchInfo: Codable, Sendable, Equatable {
    public let name: String
    public let current: Bool
    public let upstream: String?
    public let ahead: Int?
    public let behind: Int?
    /// The upstream is configured but no longer exists on the remote.
    public let upstreamGone: Bool
    public let sha: String
    public let date: String
    public let subject: String

    var line: String {
        let counts = [upstreamGone ? "gone" : nil, ahead.map { "ahead \($0)" }, behind.map { "behind \($0)" }].compactMap { $0 }
        let tracking = upstream.map { " [" + ([$0] + counts).joined(separator: ": ") + "]" } ?? ""
        return "\(current ? "*" : " ") \(name) \(sha.prefix(7))\(tracking) \(subject)"
    }
}

/// Result of `git_branch`: what was done, and the branches afterwards.
public struct GitBranchReport: GitReport {
    public let repository: String
    /// list, create, switch or delete.
    public let action: String
    /// The branch acted on; nil for list.
    public let branch: String?
    /// The commit the branch points (or pointed) at.
    public let sha: String?
    public let branches: [GitBranchInfo]

    public var current: String? { branches.first(where: \.current)?.name }

    public var summary: String {
        let short = sha.map { " at \($0.prefix(7))" } ?? ""
        switch action {
        case "create": return "created branch \(branch ?? "")\(short)"
        case "switch": return "switched to branch \(branch ?? "")\(short)"
        case "delete": return "deleted branch \(branch ?? "")\(sha.map { " (was \($0.prefix(7)))" } ?? "")"
        default: return "\(branches.count) branch\(branches.count == 1 ? "" : "es")\(current.map { ", on \($0)" } ?? "")"
        }
    }

    public var text: String {
        ([summary] + branches.map(\.line)).joined(separator: "\n")
    }
}
