import Foundation

/// Which API a forge speaks: GitHub's REST API, or the Gitea API v1 that Forgejo shares.
public enum ForgeKind: String, Sendable, CaseIterable, Codable {
    case github, gitea, forgejo
}

/// One row of the `forges` setting: a host (with its port when it is not the scheme's), the API it
/// speaks, and where that API lives when not at the usual place.
public struct ForgeEntry: Sendable, Equatable {
    public let host: String
    public let kind: ForgeKind
    public let apiURL: URL?

    public init(host: String, kind: ForgeKind, apiURL: URL?) {
        self.host = host
        self.kind = kind
        self.apiURL = apiURL
    }

    /// The rows of a `forges` value (`"git.example.com forgejo https://git.example.com/api/v1, code.corp github"`),
    /// or the reason the value is malformed.
    static func parse(_ text: String) -> Result<[ForgeEntry], ForgeSettingProblem> {
        var entries: [ForgeEntry] = []
        for row in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !row.isEmpty {
            let fields = row.split(whereSeparator: \.isWhitespace).map(String.init)
            guard (2...3).contains(fields.count), let kind = ForgeKind(rawValue: fields[1].lowercased()) else {
                return .failure(ForgeSettingProblem("has '\(row)'; write 'host kind [api_url]' with kind github, gitea or forgejo"))
            }
            var api: URL?
            if fields.count == 3 {
                guard let url = URL(string: fields[2]), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    return .failure(ForgeSettingProblem("has '\(row)': the api_url must be an http:// or https:// URL"))
                }
                api = url
            }
            entries.append(ForgeEntry(host: fields[0].lowercased(), kind: kind, apiURL: api))
        }
        return .success(entries)
    }

    static let rule = SettingRule { value in
        guard case .failure(let problem) = parse(value.description) else { return nil }
        return problem.reason
    }
}

/// The `forge_tokens` setting: `host=token` pairs. Its rule never repeats a value, since every value is a secret.
enum ForgeToken {
    static func parse(_ text: String) -> Result<[String: String], ForgeSettingProblem> {
        var tokens: [String: String] = [:]
        let rows = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for (index, row) in rows.enumerated() {
            guard let equals = row.firstIndex(of: "=") else {
                return .failure(ForgeSettingProblem("entry \(index + 1) has no '='; write host=token, comma-separated"))
            }
            let host = row[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let token = row[row.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !host.isEmpty, !token.isEmpty, !token.contains(where: \.isWhitespace) else {
                return .failure(ForgeSettingProblem("entry \(index + 1) needs a host and a token without spaces: host=token"))
            }
            tokens[host] = token
        }
        return .success(tokens)
    }

    static let rule = SettingRule { value in
        guard case .failure(let problem) = parse(value.description) else { return nil }
        return problem.reason
    }
}

/// What is wrong with a forge setting, in words that never quote a token.
struct ForgeSettingProblem: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

extension Settings {
    /// The forges configured by host; empty when none are (the setting's rule has already refused a malformed value).
    public var forges: [ForgeEntry] { (try? ForgeEntry.parse(self[.forges]).get()) ?? [] }

    /// The API token configured for a forge: for `host:port` exactly, else for the bare host.
    public func forgeToken(host: String, port: Int?) -> String? {
        guard let tokens = try? ForgeToken.parse(self[.forgeTokens]).get() else { return nil }
        let host = host.lowercased()
        return port.flatMap { tokens["\(host):\($0)"] } ?? tokens[host]
    }
}
