import Foundation

/// The effective configuration: defaults, then `timmy.toml`, then `TIMMY_<KEY>` variables,
/// then command-line flags, each value remembering where it came from.
public struct Settings: Sendable {
    /// Where a value came from, as `timmy config` prints it.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case defaultValue
        case file(String)
        case environment(String)
        case flag(String)

        public var description: String {
            switch self {
            case .defaultValue: "default"
            case .file(let path): path
            case .environment(let name): "env \(name)"
            case .flag(let name): "flag --\(name)"
            }
        }
    }

    public struct Entry: Sendable {
        public let definition: SettingDefinition
        public let value: SettingValue
        public let source: Source
    }

    private var entries: [String: Entry]
    /// The folder relative paths are resolved against: the folder Timmy was started in.
    public let baseDirectory: URL

    /// Defaults only, resolved against `baseDirectory`.
    public init(baseDirectory: URL) {
        self.baseDirectory = baseDirectory
        entries = Dictionary(
            uniqueKeysWithValues: SettingDefinition.all.map { ($0.key, Entry(definition: $0, value: $0.defaultValue, source: .defaultValue)) })
    }

    /// Loads defaults, the TOML file (when present), then the environment.
    /// - Parameters:
    ///   - configFile: an explicit file that must exist; nil reads `timmy.toml` in `baseDirectory` if present.
    public static func load(
        baseDirectory: URL, configFile: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SettingsError) -> Settings {
        var settings = Settings(baseDirectory: baseDirectory)
        let file = configFile ?? baseDirectory.appendingPathComponent("timmy.toml")
        if FileManager.default.fileExists(atPath: file.path) {
            let text: String
            do { text = try String(contentsOf: file, encoding: .utf8) } catch {
                throw .unreadable(file: file.path, reason: error.localizedDescription)
            }
            let name = configFile == nil ? "timmy.toml" : file.path
            for entry in try SettingsFile.read(text, file: name) {
                try settings.set(entry.key, typed: entry.value, source: .file(entry.line.map { "\(name):\($0)" } ?? name))
            }
        } else if let configFile {
            throw .unreadable(file: configFile.path, reason: "no such file")
        }
        for (name, text) in environment.sorted(by: { $0.key < $1.key })
        where name.hasPrefix("TIMMY_") && !SettingDefinition.environmentOnly.contains(name) {
            let key = String(name.dropFirst("TIMMY_".count)).lowercased()
            guard let definition = SettingDefinition.byKey[key] else { throw .unknownKey(key: key, source: Source.environment(name).description) }
            try settings.set(definition, text: text, source: .environment(name))
        }
        return settings
    }

    /// Sets a setting from text (a flag, or a test's override), checking its type and rule. Generic so
    /// that call sites can write `set(.dataDir, …)`.
    public mutating func set<Value>(_ setting: Setting<Value>, text: String, source: Source) throws(SettingsError) {
        try set(setting.definition, text: text, source: source)
    }

    /// Sets a setting of any type from text, as a list of overrides holds them.
    public mutating func set(_ setting: any SettingKey, text: String, source: Source) throws(SettingsError) {
        try set(setting.definition, text: text, source: source)
    }

    private mutating func set(_ definition: SettingDefinition, text: String, source: Source) throws(SettingsError) {
        guard let value = definition.kind.parse(text) else {
            throw .wrongType(key: definition.key, source: source.description, expected: definition.kind.article, got: "'\(text)'")
        }
        try store(definition, value, source)
    }

    private mutating func set(_ key: String, typed value: SettingValue, source: Source) throws(SettingsError) {
        guard let definition = SettingDefinition.byKey[key] else { throw .unknownKey(key: key, source: source.description) }
        guard let accepted = definition.kind.accept(value) else {
            throw .wrongType(key: key, source: source.description, expected: definition.kind.article, got: "'\(value)'")
        }
        try store(definition, accepted, source)
    }

    private mutating func store(_ definition: SettingDefinition, _ value: SettingValue, _ source: Source) throws(SettingsError) {
        if let reason = definition.rule.reason(value) {
            throw .invalidValue(key: definition.key, source: source.description, reason: reason)
        }
        entries[definition.key] = Entry(definition: definition, value: value, source: source)
    }

    /// Every key with its effective value and source, in catalog order.
    public var effective: [Entry] { SettingDefinition.all.map { entry($0.key) } }

    /// A setting's value, typed: `settings[.port]` is an `Int`, `settings[.dataDir]` a resolved URL.
    public subscript<Value>(_ setting: Setting<Value>) -> Value { Value.fromSetting(entry(setting.definition.key).value, in: self) }

    /// A key's entry as it takes effect: a default that lies under another folder is written out from that folder.
    private func entry(_ key: String) -> Entry {
        guard let entry = entries[key] else { preconditionFailure("setting \(key) is missing from SettingDefinition.all") }
        guard entry.source == .defaultValue, let under = entry.definition.under else { return entry }
        let folder = self.entry(under).value.description
        let path = folder.hasSuffix("/") ? folder + entry.value.description : folder + "/" + entry.value.description
        return Entry(definition: entry.definition, value: .string(path), source: .defaultValue)
    }

    /// A path as settings write it, resolved like a path setting: `~` is the home folder, relative paths start at `baseDirectory`.
    public func resolvePath(_ raw: String) -> URL {
        if raw == "~" || raw.hasPrefix("~/") {
            let home = FileManager.default.homeDirectoryForCurrentUser
            return home.appendingPathComponent(String(raw.dropFirst(raw == "~" ? 1 : 2))).standardizedFileURL
        }
        if raw.hasPrefix("/") { return URL(fileURLWithPath: raw).standardizedFileURL }
        return baseDirectory.appendingPathComponent(raw).standardizedFileURL
    }
}

extension Settings {
    public var host: String { self[.host] }
    public var port: Int { self[.port] }
    public var dataDirectory: URL { self[.dataDir] }
    public var workspaceDirectory: URL { self[.workspaceDir] }
    public var gitDefaultRepoDirectory: URL { self[.gitDefaultRepoDir] }
    /// The folders the git tools may use: `git_default_repo_dir` first, then each folder of `repo_roots`.
    public var repoRoots: [URL] {
        let extra = self[.repoRoots].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var seen: Set<String> = []
        return ([gitDefaultRepoDirectory] + extra.map(resolvePath)).filter { seen.insert($0.path).inserted }
    }
    public var auctionWindow: Duration { .milliseconds(Int(self[.auctionWindowSeconds] * 1000)) }
    public var sparkEnabled: Bool { self[.sparkEnabled] }
    public var authToken: String? { self[.authToken].isEmpty ? nil : self[.authToken] }
    /// The configured jitter seed, or nil to draw fresh randomness.
    public var seed: String? { self[.seed].isEmpty ? nil : self[.seed] }
}

extension SettingKind {
    var article: String {
        switch self {
        case .string: "a string"
        case .path: "a path"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "true or false"
        }
    }
}
