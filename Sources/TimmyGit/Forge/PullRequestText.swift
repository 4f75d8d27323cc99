import Foundation
import TimmyCore

/// Checks on the text a pull request carries. It only ever travels as a JSON string to the forge's API,
/// never on a command line, so `--amend` is just words; control characters are refused all the same.
enum PullRequestText {
    /// A title: one line, no control characters.
    static func line(_ text: String, field: String) throws(ToolError) -> String {
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidArgument(name: field, reason: "must be one line without control characters")
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// A description or comment: lines and tabs are fine, other control characters are not.
    static func body(_ text: String, field: String) throws(ToolError) -> String {
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !["\n", "\r", "\t"].contains($0) }) else {
            throw .invalidArgument(name: field, reason: "must not contain control characters other than line breaks and tabs")
        }
        return text
    }
}
