import Foundation
import TimmyCore

/// Which remotes git may be pointed at, and how URLs are shown. Allowed: `https://`, `http://`,
/// `ssh://`, `file://`, scp-like `user@host:path` and local paths. Everything else — transport
/// helpers (`ext::`, `fd::`, any `<transport>::`), other schemes, values that look like options —
/// is refused before git sees it.
enum GitURLPolicy {
    static let allowedSchemes: Set<String> = ["https", "http", "ssh", "file"]

    /// Checks a clone source and returns what to hand to git: the URL as given, or a local path
    /// made absolute by `localPath` (`Settings.resolvePath`: `~` is home, relative paths start at the base folder).
    static func cloneSource(_ raw: String, localPath: (String) -> URL) throws(GitToolError) -> String {
        let shown = redact(raw)
        guard !raw.isEmpty else { throw .refusedURL(url: shown, reason: "it is empty") }
        guard !raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .refusedURL(url: shown, reason: "it contains control characters")
        }
        guard !raw.hasPrefix("-") else { throw .refusedURL(url: shown, reason: "it begins with '-' and would be read as an option") }
        if raw.firstMatch(of: /^[A-Za-z][A-Za-z0-9+.\-]*::/) != nil {
            throw .refusedURL(url: shown, reason: "transport helpers ('<transport>::address', e.g. ext:: or fd::) are not allowed")
        }
        if let match = raw.firstMatch(of: /^([A-Za-z][A-Za-z0-9+.\-]*):\/\/([^\/]*)/) {
            let scheme = match.1.lowercased()
            guard allowedSchemes.contains(scheme) else { throw .refusedURL(url: shown, reason: "the scheme '\(scheme)' is not allowed") }
            try checkAuthority(String(match.2), scheme: scheme, shown: shown)
            return raw
        }
        if let match = raw.firstMatch(of: /^([^@\/:]+)@([^\/:]+):/) {
            guard !match.1.hasPrefix("-"), !match.2.hasPrefix("-") else {
                throw .refusedURL(url: shown, reason: "a user or host beginning with '-' would be read as an ssh option")
            }
            return raw
        }
        if let colon = raw.firstIndex(of: ":"), !raw[..<colon].contains("/") {
            throw .refusedURL(url: shown, reason: "'host:path' is ambiguous; write user@host:path, ssh://host/path or ./path")
        }
        return localPath(raw).path
    }

    /// The host part of `scheme://[user@]host[:port]` must be present and must not look like an option.
    private static func checkAuthority(_ authority: String, scheme: String, shown: String) throws(GitToolError) {
        let at = authority.lastIndex(of: "@")
        let user = at.map { String(authority[..<$0]) } ?? ""
        let host = at.map { String(authority[authority.index(after: $0)...]) } ?? authority
        guard !host.hasPrefix("-"), !user.hasPrefix("-") else {
            throw .refusedURL(url: shown, reason: "a user or host beginning with '-' would be read as an option")
        }
        guard scheme == "file" || !host.isEmpty else { throw .refusedURL(url: shown, reason: "it names no host") }
    }

    /// Replaces the user information of every `scheme://user:secret@host` URL in the text with `***`,
    /// so tokens never reach results, errors or logs.
    static func redact(_ text: String) -> String { Credentials.redact(text) }

    /// The folder name a clone of `url` gets by default: its last path component without `.git`.
    static func defaultName(for url: String) -> String {
        let trimmed = url.hasSuffix("/") ? String(url.dropLast()) : url
        let last = trimmed.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? ""
        return last.hasSuffix(".git") ? String(last.dropLast(4)) : last
    }
}
