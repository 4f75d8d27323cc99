import TOMLKit

/// Reads `timmy.toml` with TOMLKit. The file is flat: `key = value` lines whose values are strings,
/// numbers or booleans; tables, arrays and dates are refused with their line rather than half-understood.
enum SettingsFile {
    /// Each key with its value and the line that sets it, in file order.
    static func read(_ text: String, file: String) throws(SettingsError) -> [(key: String, value: SettingValue, line: Int?)] {
        // A table header is refused before TOMLKit reads the text: its parser (toml++) asserts, and so
        // aborts the process, on a header such as `[/` (found by ParserFuzzTests).
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if let header = lines.firstIndex(where: { $0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("[") }) {
            throw .syntax(file: file, line: header + 1, reason: "tables are not used in timmy.toml; write plain `key = value` lines")
        }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch {
            let parse = error as? TOMLParseError
            throw .syntax(file: file, line: parse?.source.begin.line ?? 1, reason: parse?.description ?? "\(error)")
        }
        let located = table.map { key, node in (key: key, node: node, line: line(of: key, in: lines)) }
        var entries: [(key: String, value: SettingValue, line: Int?)] = []
        for (key, node, line) in located.sorted(by: { ($0.line ?? 0) < ($1.line ?? 0) }) {
            if node.type == .table {
                throw .syntax(file: file, line: line ?? 1, reason: "tables are not used in timmy.toml; write plain `key = value` lines")
            }
            guard let value = value(of: node) else {
                throw .syntax(file: file, line: line ?? 1, reason: "cannot read the value of '\(key)': write a string, a number or true/false")
            }
            entries.append((key, value, line))
        }
        return entries
    }

    private static func value(of node: any TOMLValueConvertible) -> SettingValue? {
        if let string = node.string { return .string(string) }
        if let int = node.int { return .integer(int) }
        if let double = node.double { return .number(double) }
        if let bool = node.bool { return .boolean(bool) }
        return nil
    }

    /// TOMLKit keeps no positions, so a key's line is the first line that starts with it: as `key =`,
    /// quoted, dotted (`key.sub =`) or as a table header (`[key]`).
    private static func line(of key: String, in lines: [Substring]) -> Int? {
        let names = [key, "\"\(key)\"", "'\(key)'"]
        for (index, line) in lines.enumerated() {
            var text = line.drop { $0 == " " || $0 == "\t" || $0 == "[" }
            guard let name = names.first(where: { text.hasPrefix($0) }) else { continue }
            text = text.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
            if let next = text.first, "=.]".contains(next) { return index + 1 }
        }
        return nil
    }
}
