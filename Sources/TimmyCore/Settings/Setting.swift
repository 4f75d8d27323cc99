import Foundation

/// One setting as code reads it: its declaration and the Swift type of its value, so `settings[.port]`
/// is an `Int` and a misspelt key does not compile. Each setting is declared once, in `SettingCatalog.swift`.
public struct Setting<Value: SettingType>: SettingKey {
    public let definition: SettingDefinition

    init(
        _ key: String, default written: Value.SettingDefault, _ summary: String, secret: Bool = false, rule: SettingRule = .none
    ) {
        definition = SettingDefinition(
            key: key, kind: Value.settingKind, defaultValue: Value.settingValue(written), summary: summary, secret: secret, rule: rule, under: nil)
    }
}

extension Setting<URL> {
    /// A folder whose default lies inside another folder setting, so it moves when that one does.
    init(_ key: String, default name: String, under folder: Setting<URL>, _ summary: String) {
        definition = SettingDefinition(
            key: key, kind: .path, defaultValue: .string(name), summary: summary, secret: false, rule: .nonEmpty,
            under: folder.definition.key)
    }
}

/// Any setting, whatever the type of its value: what code that sets settings from text takes.
public protocol SettingKey: Sendable {
    var definition: SettingDefinition { get }
}
