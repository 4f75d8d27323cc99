/// Characters with no place in text a person writes: the C0 and C1 control codes and DEL (a NUL in a
/// task description, an escape sequence in a title). Line breaks and tabs pass where text has lines.
public enum ControlCharacters {
    /// The first control character in `text` and its position (1-based, in characters), or nil when there is none.
    /// With `lines`, a line feed, a carriage return and a tab are allowed.
    public static func first(in text: String, lines: Bool = true) -> (scalar: Unicode.Scalar, position: Int)? {
        var position = 0
        for character in text {
            position += 1
            for scalar in character.unicodeScalars where isControl(scalar, lines: lines) { return (scalar, position) }
        }
        return nil
    }

    /// Why `text` is refused ("must not contain control characters: U+0000 at character 5"), or nil when it passes.
    public static func problem(in text: String, lines: Bool = true) -> String? {
        guard let found = first(in: text, lines: lines) else { return nil }
        let code = String(found.scalar.value, radix: 16, uppercase: true)
        let shown = String(repeating: "0", count: max(0, 4 - code.count)) + code
        return "must not contain control characters: U+\(shown) at character \(found.position)"
    }

    private static func isControl(_ scalar: Unicode.Scalar, lines: Bool) -> Bool {
        guard scalar.properties.generalCategory == .control else { return false }
        return !(lines && (scalar == "\n" || scalar == "\r" || scalar == "\t"))
    }
}

extension ControlCharacters {
    /// A character allowed in text, as a regular-expression class: anything but a control character,
    /// except a line feed, a carriage return or a tab.
    private static let allowedClass = #"[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]"#

    /// The JSON-schema pattern of text without control characters.
    public static let pattern = "^\(allowedClass)*$"

    /// The JSON-schema keywords of free text as every entry point checks it: something besides white
    /// space, no control character but a line break or tab, and at most `maxLength` characters when given.
    public static func textSchema(maxLength: Int?) -> [String: JSONValue] {
        var schema: [String: JSONValue] = [
            "minLength": 1, "pattern": .string(#"^\#(allowedClass)*[^\s\u0000-\u001F\u007F-\u009F]\#(allowedClass)*$"#),
        ]
        if let maxLength { schema["maxLength"] = .int(maxLength) }
        return schema
    }
}
