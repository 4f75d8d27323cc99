import Foundation

/// One piece of text on the final timeline, as both subtitle files carry it.
struct TimedText: Sendable, Equatable {
    enum Role: Sendable {
        case title, caption, credits
    }

    let start: Double
    let end: Double
    let role: Role
    /// Whether libass draws it into the picture (cards always; captions when burned).
    let drawn: Bool
    /// The words with line breaks as `\n`: carriage returns and blank lines removed (a blank line would end an SRT cue), the ends trimmed.
    let text: String

    init(start: Double, end: Double, role: Role, text: String, drawn: Bool = true) {
        self.start = start
        self.end = end
        self.role = role
        self.drawn = drawn
        self.text = Self.lines(text)
    }

    /// Text as subtitle files can hold it: `\n` line breaks only, no blank lines.
    static func lines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").split(separator: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
