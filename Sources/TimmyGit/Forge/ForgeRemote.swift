import Foundation

/// A git remote's URL read as a forge repository: the host it lives on and its `owner/name`.
/// `https://host[:port]/owner/name(.git)`, `ssh://[user@]host[:port]/owner/name` and scp-like
/// `user@host:owner/name` are understood; anything else names no forge.
struct ForgeRemote: Sendable, Equatable {
    /// `http` or `https`: how the forge's API is reached by default (ssh remotes use https).
    let scheme: String
    let host: String
    /// The web port, when the URL gave one (an ssh port says nothing about the API).
    let port: Int?
    let owner: String
    let name: String
    /// The password of `https://user:token@host/…`, used when no token is configured for the host.
    let urlToken: String?

    /// `host` or `host:port`, as messages and settings name the forge.
    var authority: String { port.map { "\(host):\($0)" } ?? host }

    init?(url raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let path: Substring
        if let match = text.wholeMatch(of: /(?i)(https?|ssh):\/\/(?:([^@\/]*)@)?([^\/:@]+)(?::(\d+))?\/(.+)/) {
            let scheme = match.1.lowercased()
            self.scheme = scheme == "ssh" ? "https" : scheme
            host = match.3.lowercased()
            port = scheme == "ssh" ? nil : match.4.flatMap { Int($0) }
            let userInfo = match.2.map(String.init)
            urlToken = scheme == "ssh" ? nil : userInfo.flatMap(Self.password)
            path = match.5
        } else if let match = text.wholeMatch(of: /[^@\/:\s]+@([^\/:\s]+):(?!\/)(.+)/) {
            scheme = "https"
            host = match.1.lowercased()
            port = nil
            urlToken = nil
            path = match.2
        } else {
            return nil
        }
        var parts = path.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return nil }
        if parts[1].hasSuffix(".git") { parts[1].removeLast(4) }
        let allowed = /[A-Za-z0-9_.\-]+/
        guard parts.allSatisfy({ $0.wholeMatch(of: allowed) != nil && $0 != "." && $0 != ".." }), !host.hasPrefix("-") else { return nil }
        owner = parts[0]
        name = parts[1]
    }

    /// The secret half of `user:secret`.
    private static func password(_ userInfo: String) -> String? {
        guard let colon = userInfo.firstIndex(of: ":") else { return nil }
        let secret = String(userInfo[userInfo.index(after: colon)...])
        let decoded = secret.removingPercentEncoding ?? secret
        return decoded.isEmpty ? nil : decoded
    }
}
