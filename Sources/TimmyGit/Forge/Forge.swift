import Foundation
import TimmyCore

/// The forge a repository's pull requests live on: which API it speaks, where, for which
/// `owner/name`, and the token to present. github.com is GitHub's REST API; any other host the
/// Gitea/Forgejo API v1, unless the `forges` setting says otherwise for that host.
struct Forge: Sendable {
    let kind: ForgeKind
    /// `host` or `host:port`, as messages and the settings name it.
    let host: String
    let apiBase: URL
    let owner: String
    let name: String
    /// Never shown, logged or stored: it only goes into the `Authorization` header.
    let token: String?

    var isGitHub: Bool { kind == .github }

    /// `owner/name`.
    var fullName: String { "\(owner)/\(name)" }

    /// Where the token for this forge is configured, for messages.
    static let tokenSetting = "\(Setting.forgeTokens.definition.key) (or \(Setting.forgeTokens.definition.environmentName))"

    init(remote: ForgeRemote, settings: Settings) {
        let entry = settings.forges.first { $0.host == remote.authority } ?? settings.forges.first { $0.host == remote.host }
        kind = entry?.kind ?? (remote.host == "github.com" ? .github : .gitea)
        host = remote.authority
        owner = remote.owner
        name = remote.name
        token = settings.forgeToken(host: remote.host, port: remote.port) ?? remote.urlToken
        apiBase = entry?.apiURL ?? Self.defaultAPI(kind: kind, remote: remote)
    }

    /// api.github.com for github.com; `/api/v3` on a GitHub Enterprise host; `/api/v1` on Gitea and Forgejo.
    private static func defaultAPI(kind: ForgeKind, remote: ForgeRemote) -> URL {
        if kind == .github, remote.host == "github.com" { return URL(string: "https://api.github.com")! }
        let path = kind == .github ? "/api/v3" : "/api/v1"
        return URL(string: "\(remote.scheme)://\(remote.authority)\(path)")!
    }

    /// `repos/{owner}/{name}` followed by `rest`, each segment percent-encoded (a branch's `/` stays a separator).
    func repoPath(_ rest: String...) -> String {
        let segments = (["repos", owner, name] + rest).flatMap { $0.split(separator: "/", omittingEmptySubsequences: false) }
        return segments.map { $0.addingPercentEncoding(withAllowedCharacters: Self.segment) ?? String($0) }.joined(separator: "/")
    }

    private static let segment = CharacterSet.urlPathAllowed.subtracting(["/", ";"])
}
