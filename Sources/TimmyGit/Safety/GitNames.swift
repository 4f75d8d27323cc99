import Foundation
import TimmyProcess

/// Checks on the names a caller hands to git, so that no value is ever read as an option:
/// revisions and remotes may not begin with `-`, branch names must pass `git check-ref-format --branch`.
enum GitNames {
    /// A revision (branch, tag, sha, `HEAD~3`): one word that cannot be read as an option.
    static func revision(_ value: String, argument: String) throws(GitToolError) -> String {
        try plainWord(value, argument: argument)
        return value
    }

    /// A remote's name, such as `origin`. URLs are not accepted here: remotes are configured, not typed.
    static func remote(_ value: String, argument: String) throws(GitToolError) -> String {
        try plainWord(value, argument: argument)
        guard value.wholeMatch(of: /[A-Za-z0-9_][A-Za-z0-9._\/\-]*/) != nil, !value.contains("..") else {
            throw .refusedValue(argument: argument, value: GitURLPolicy.redact(value), reason: "is not a remote name such as origin")
        }
        return value
    }

    /// A branch name as git itself judges it (`check-ref-format --branch`), taken literally: `@{-1}` shorthands are refused.
    static func branch(_ value: String, argument: String, git: GitRunner, in directory: URL) async throws(GitToolError) -> String {
        try plainWord(value, argument: argument)
        let output = try await git.run(["check-ref-format", "--branch", value], in: directory)
        guard output.succeeded, output.outputText.trimmingCharacters(in: .newlines) == value else { throw .invalidBranchName(value) }
        return value
    }

    /// A folder name for a repository under `git_default_repo_dir`: one path component, not hidden, not an option.
    static func folderName(_ value: String, argument: String) throws(GitToolError) -> String {
        try plainWord(value, argument: argument)
        guard !value.contains("/"), !value.hasPrefix(".") else {
            throw .refusedValue(argument: argument, value: value, reason: "must be a single folder name (no '/', not starting with '.')")
        }
        return value
    }

    private static func plainWord(_ value: String, argument: String) throws(GitToolError) {
        guard !value.isEmpty else { throw .refusedValue(argument: argument, value: value, reason: "is empty") }
        guard !value.hasPrefix("-") else {
            throw .refusedValue(argument: argument, value: value, reason: "begins with '-' and would be read as an option")
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) else {
            throw .refusedValue(argument: argument, value: value, reason: "contains spaces or control characters")
        }
    }
}
