import Foundation

/// Reads the flat subset of TOML that `timmy.toml` uses: `key = value` lines with
/// strings, integers, floats and booleans, and `#` comments. Tables and arrays are
/// refused with the line number rather than half-understood.
enum TOMLReader {
    static func read(_ text: String, file: String) throws(SettingsError) -> [(key: String, value: SettingValue, line: Int)] {
        var entries: [(key: String, value: SettingValue, line: Int)] = []
        var seen: Set<String> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                throw .syntax(file: file, line: lineNumber, reason: "tables are not used in timmy.toml; write plain `key = value` lines")
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw .syntax(file: file, line: lineNumber, reason: "expected `key = value`")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let rawValue = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw .syntax(file: file, line: lineNumber, reason: "'\(key)' is not a valid key")
            }
            guard seen.insert(key).inserted else {
                throw .syntax(file: file, line: lineNumber, reason: "key '\(key)' is set twice")
            }
            guard let value = parseValue(rawValue) else {
                throw .syntax(file: file, line: lineNumber, reason: "cannot read the value of '\(key)': \(rawValue)")
            }
            entries.append((key, value, lineNumber))
        }
        return entries
    }

    private static func stripComment(_ line: String) -> String {
        var inString: Character? = nil
        for (offset, character) in line.enumerated() {
            if let quote = inString {
                if character == quote { inString = nil }
            } else if character == "\"" || character == "'" {
                inString = character
            } else if character == "#" {
                return String(line.prefix(offset))
            }
        }
        return line
    }

    private static func parseValue(_ text: String) -> SettingValue? {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            let inner = String(text.dropFirst().dropLast())
            return first == "'" ? .string(inner) : unescape(inner).map(SettingValue.string)
        }
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        let digits = text.replacingOccurrences(of: "_", with: "")
        if let int = Int(digits) { return .integer(int) }
        if let double = Double(digits), digits.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .number(double) }
        return nil
    }

    private static func unescape(_ text: String) -> String? {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "\\": result.append("\\")
                case "\"": result.append("\"")
                default: return nil
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                return nil
            } else {
                result.append(character)
            }
        }
        return escaping ? nil : result
    }
}
