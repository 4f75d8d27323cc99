import TimmyCore

/// Names a forge is asked about that never reach git: user logins.
enum ForgeNames {
    /// A forge login (`octocat`, `ada.l`): letters, digits, `-`, `_` and `.`, not starting with `-`.
    static func user(_ value: String, field: String) throws(ToolError) -> String {
        guard value.wholeMatch(of: /[A-Za-z0-9_][A-Za-z0-9_.\-]{0,99}/) != nil else {
            throw .invalidArgument(name: field, reason: "must be a forge user name (letters, digits, '-', '_', '.'), got '\(value)'")
        }
        return value
    }
}
