/// One configurable key: its name, type, default and the rule its value must follow.
public struct SettingDefinition: Sendable {
    public let key: String
    public let kind: SettingKind
    public let defaultValue: SettingValue
    public let summary: String
    /// Hidden from `timmy config` output (tokens).
    public let secret: Bool
    let rule: SettingRule
    /// The folder setting a relative default lies in, when not the start folder.
    let under: String?

    /// The environment variable that overrides this key.
    public var environmentName: String { "TIMMY_" + key.uppercased() }
}

/// What a value must satisfy beyond its type: `reason` says what is wrong, nil when the value is fine.
struct SettingRule: Sendable {
    let reason: @Sendable (SettingValue) -> String?

    static let none = SettingRule { _ in nil }

    static let nonEmpty = SettingRule { value in value.description.isEmpty ? "must not be empty" : nil }

    static func oneOf(_ allowed: [String]) -> SettingRule {
        SettingRule { value in allowed.contains(value.description) ? nil : "must be one of \(allowed.joined(separator: ", "))" }
    }

    static func range(_ range: ClosedRange<Double>) -> SettingRule {
        SettingRule { value in
            let number: Double? =
                switch value {
                case .integer(let int): Double(int)
                case .number(let double): double
                default: nil
                }
            guard let number, range.contains(number) else {
                return "must be between \(SettingValue.number(range.lowerBound)) and \(SettingValue.number(range.upperBound))"
            }
            return nil
        }
    }
}
