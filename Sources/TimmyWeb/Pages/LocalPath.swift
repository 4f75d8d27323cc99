/// Where a form may send the browser next: a path on this server, never another site.
enum LocalPath {
    /// `path` when it is a path on this server (not `//host`, not a backslash trick, no control characters
    /// that could end a header line), else `fallback`.
    static func checked(_ path: String?, otherwise fallback: String) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
            !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return fallback }
        return path
    }
}
