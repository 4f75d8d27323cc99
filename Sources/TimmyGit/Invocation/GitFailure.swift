import Foundation
import TimmyProcess

/// Recognises the failures every git command can hit from its (C-locale) messages.
enum GitFailure {
    /// - Parameter remote: the remote name the command was given, so that an unconfigured one is named as such.
    static func classify(_ output: ProcessOutput, command: String, directory: URL, remote: String? = nil) -> GitToolError {
        let text = message(output)
        if let remote, text.contains("'\(remote)' does not appear to be a git repository") { return .unknownRemote(remote) }
        if text.contains("not a git repository") { return .notARepository(path: directory.path) }
        if let ref = quoted(in: text, after: ["bad revision '", "ambiguous argument '", "not a valid object name: '", "unknown revision '"]) {
            return .unknownRef(ref)
        }
        if text.contains("invalid reference: ") { return .unknownRef(text.components(separatedBy: "invalid reference: ")[1].firstLine) }
        if text.contains("Please tell me who you are") || text.contains("unable to auto-detect email address") || text.contains("empty ident") {
            return .identityUnknown(repository: directory.path)
        }
        if let remote = remoteProblem(text) { return remote }
        return .gitFailed(command: command, status: output.status.description, message: text.isEmpty ? "no message" : text)
    }

    /// Authentication and reachability failures of fetch, pull, push and clone.
    static func remoteProblem(_ text: String) -> GitToolError? {
        let remote = quoted(in: text, after: ["repository '", "unable to access '", "'"]) ?? "the remote"
        let refused = ["Authentication failed", "could not read Username", "could not read Password", "Permission denied (publickey"]
        if refused.contains(where: text.contains) {
            return .authenticationFailed(remote: remote)
        }
        if text.contains("does not appear to be a git repository") || text.contains("Could not read from remote repository") {
            return .remoteUnreachable(remote: remote, detail: "it is not a git repository or cannot be read; check the URL and your access")
        }
        let unreachable = ["Could not resolve host", "Connection refused", "Failed to connect", "Connection timed out", "Repository not found"]
        if text.contains("unable to access") || unreachable.contains(where: text.contains) {
            return .remoteUnreachable(remote: remote, detail: text.firstLine)
        }
        return nil
    }

    /// Git's message: standard error (standard output when that is empty), hints dropped, credentials redacted, at most ten lines.
    static func message(_ output: ProcessOutput) -> String {
        let raw = output.errorText.isEmpty ? output.outputText : output.errorText
        let lines = raw.split(separator: "\n").filter { !$0.hasPrefix("hint:") }.suffix(10)
        return GitURLPolicy.redact(lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The paths git lists tab-indented under a message such as "would be overwritten by checkout:".
    static func indentedPaths(_ output: ProcessOutput) -> [String] {
        (output.errorText + "\n" + output.outputText).split(separator: "\n").filter { $0.hasPrefix("\t") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    /// The text between the first of `openers` and the next quote.
    static func quoted(in text: String, after openers: [String]) -> String? {
        for opener in openers {
            guard let start = text.range(of: opener) else { continue }
            let rest = text[start.upperBound...]
            guard let end = rest.firstIndex(of: "'") else { continue }
            return GitURLPolicy.redact(String(rest[..<end]))
        }
        return nil
    }
}

extension String {
    /// The text up to the first newline.
    var firstLine: String { String(prefix { $0 != "\n" }) }
}
