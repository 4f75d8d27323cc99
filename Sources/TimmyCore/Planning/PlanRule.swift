import Foundation

/// One pattern of the deterministic planner: a case-insensitive regular expression over the
/// whole request and a function from its named groups to tool calls.
public struct PlanRule: Sendable {
    let expression: NSRegularExpression
    let build: @Sendable ([String: String]) -> [PlannedCall]?

    /// - Parameter pattern: an ICU pattern anchored at both ends, with named groups.
    public init(_ pattern: String, build: @escaping @Sendable ([String: String]) -> [PlannedCall]?) {
        // Patterns are literals in this module; a bad one is a programming error caught by the planner tests.
        expression = try! NSRegularExpression(pattern: "^\\s*(?:please\\s+)?" + pattern + "\\s*[.!]?\\s*$", options: [.caseInsensitive])
        self.build = build
    }

    /// The calls for a request the pattern matches; nil when it does not match, or its builder declines.
    public func apply(_ text: String) -> [PlannedCall]? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = expression.firstMatch(in: text, range: range) else { return nil }
        var groups: [String: String] = [:]
        for name in Self.groupNames(expression.pattern) {
            let groupRange = match.range(withName: name)
            if groupRange.location != NSNotFound, let swiftRange = Range(groupRange, in: text) {
                groups[name] = String(text[swiftRange])
            }
        }
        return build(groups)
    }

    private static func groupNames(_ pattern: String) -> [String] {
        var names: [String] = []
        var rest = pattern[...]
        while let start = rest.range(of: "(?<") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(of: ">") else { break }
            let name = String(tail[..<end])
            if name.first?.isLetter == true { names.append(name) }
            rest = tail[end...]
        }
        return names
    }
}

extension PlanRule {
    /// Removes matching quotes around a captured value.
    public static func unquote(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, let first = trimmed.first, "'\"`".contains(first), trimmed.last == first else { return trimmed }
        return String(trimmed.dropFirst().dropLast())
    }
}

extension [String: String] {
    /// A named group of a rule's match, quotes removed; nil when the group did not match.
    public func unquoted(_ group: String) -> String? { self[group].map(PlanRule.unquote) }
}
