import Foundation

/// A Swift type a setting's value is read as, and the kind files and the environment spell it in.
public protocol SettingType: Sendable {
    /// What a declaration writes as the default: the value itself, or a path as a person writes it.
    associatedtype SettingDefault
    static var settingKind: SettingKind { get }
    static func settingValue(_ written: SettingDefault) -> SettingValue
    /// The value as code reads it; `settings` resolves paths.
    static func fromSetting(_ value: SettingValue, in settings: Settings) -> Self
}

extension String: SettingType {
    public static var settingKind: SettingKind { .string }
    public static func settingValue(_ written: String) -> SettingValue { .string(written) }
    public static func fromSetting(_ value: SettingValue, in settings: Settings) -> String { value.description }
}

extension Int: SettingType {
    public static var settingKind: SettingKind { .integer }
    public static func settingValue(_ written: Int) -> SettingValue { .integer(written) }
    public static func fromSetting(_ value: SettingValue, in settings: Settings) -> Int {
        guard case .integer(let int) = value else { preconditionFailure("an integer setting holds \(value)") }
        return int
    }
}

extension Double: SettingType {
    public static var settingKind: SettingKind { .number }
    public static func settingValue(_ written: Double) -> SettingValue { .number(written) }
    public static func fromSetting(_ value: SettingValue, in settings: Settings) -> Double {
        switch value {
        case .number(let double): double
        case .integer(let int): Double(int)
        default: preconditionFailure("a number setting holds \(value)")
        }
    }
}

extension Bool: SettingType {
    public static var settingKind: SettingKind { .boolean }
    public static func settingValue(_ written: Bool) -> SettingValue { .boolean(written) }
    public static func fromSetting(_ value: SettingValue, in settings: Settings) -> Bool {
        guard case .boolean(let bool) = value else { preconditionFailure("a boolean setting holds \(value)") }
        return bool
    }
}

/// A path setting reads as an absolute, standardized URL (`~` is the home folder).
extension URL: SettingType {
    public static var settingKind: SettingKind { .path }
    public static func settingValue(_ written: String) -> SettingValue { .string(written) }
    public static func fromSetting(_ value: SettingValue, in settings: Settings) -> URL { settings.resolvePath(value.description) }
}
