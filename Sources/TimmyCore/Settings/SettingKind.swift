import Foundation

/// The type of a setting's value, and how text from a file or the environment becomes one.
public enum SettingKind: String, Sendable {
    case string, integer, number, boolean, path

    /// Parses text as this kind, or returns nil when the text is not of this kind.
    func parse(_ text: String) -> SettingValue? {
        switch self {
        case .string: .string(text)
        case .path: .string(text)
        case .integer: Int(text.trimmingCharacters(in: .whitespaces)).map(SettingValue.integer)
        case .number: Double(text.trimmingCharacters(in: .whitespaces)).map(SettingValue.number)
        case .boolean:
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1", "yes", "on": .boolean(true)
            case "false", "0", "no", "off": .boolean(false)
            default: nil
            }
        }
    }

    /// Accepts a value already typed by the TOML reader, widening an integer to a number.
    func accept(_ value: SettingValue) -> SettingValue? {
        switch (self, value) {
        case (.string, .string), (.path, .string), (.integer, .integer), (.number, .number), (.boolean, .boolean): value
        case (.number, .integer(let int)): .number(Double(int))
        default: nil
        }
    }
}

/// A typed setting value.
public enum SettingValue: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)

    public var description: String {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(format: "%.1f", value) : String(value)
        case .boolean(let value): String(value)
        }
    }
}
