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
            for entry in try TOMLReader.read(text, file: name) {
                try settings.set(entry.key, typed: entry.value, source: .file("\(name):\(entry.line)"))
            }
        } else if let configFile {
            throw .unreadable(file: configFile.path, reason: "no such file")
        }
        for (name, text) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("TIMMY_") {
            let key = String(name.dropFirst("TIMMY_".count)).lowercased()
            try settings.set(key, text: text, source: .environment(name))
        }
        return settings
    }

    /// Sets a key from text (an environment variable or a flag), checking its type and rule.
    public mutating func set(_ key: String, text: String, source: Source) throws(SettingsError) {
        guard let definition = SettingDefinition.byKey[key] else { throw .unknownKey(key: key, source: source.description) }
        guard let value = definition.kind.parse(text) else {
            throw .wrongType(key: key, source: source.description, expected: definition.kind.article, got: "'\(text)'")
        }
        try store(definition, value, source)
    }

    mutating func set(_ key: String, typed value: SettingValue, source: Source) throws(SettingsError) {
        guard let definition = SettingDefinition.byKey[key] else { throw .unknownKey(key: key, source: source.description) }
        guard let accepted = definition.kind.accept(value) else {
            throw .wrongType(key: key, source: source.description, expected: definition.kind.article, got: "'\(value)'")
        }
        try store(definition, accepted, source)
    }

    private mutating func store(_ definition: SettingDefinition, _ value: SettingValue, _ source: Source) throws(SettingsError) {
        if let reason = definition.check(value) {
            throw .invalidValue(key: definition.key, source: source.description, reason: reason)
        }
        entries[definition.key] = Entry(definition: definition, value: value, source: source)
    }

    /// Every key with its effective value and source, in catalog order.
    public var effective: [Entry] { SettingDefinition.all.compactMap { entries[$0.key] } }

    public func value(_ key: String) -> SettingValue {
        guard let entry = entries[key] else { preconditionFailure("unknown setting key \(key) used in code") }
        return entry.value
    }

    public func string(_ key: String) -> String { value(key).description }

    public func int(_ key: String) -> Int {
        if case .integer(let int) = value(key) { return int }
        preconditionFailure("setting \(key) is not an integer")
    }

    public func double(_ key: String) -> Double {
        switch value(key) {
        case .number(let double): return double
        case .integer(let int): return Double(int)
        default: preconditionFailure("setting \(key) is not a number")
        }
    }

    public func bool(_ key: String) -> Bool {
        if case .boolean(let bool) = value(key) { return bool }
        preconditionFailure("setting \(key) is not a boolean")
    }

    /// A path setting resolved to an absolute, standardized URL (`~` expands to the home folder).
    public func path(_ key: String) -> URL { resolvePath(string(key)) }

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
    public var host: String { string("host") }
    public var port: Int { int("port") }
    public var dataDirectory: URL { path("data_dir") }
    public var workspaceDirectory: URL { path("workspace_dir") }
    public var gitDefaultRepoDirectory: URL { path("git_default_repo_dir") }
    /// The folders the git tools may use: `git_default_repo_dir` first, then each folder of `repo_roots`.
    public var repoRoots: [URL] {
        let extra = string("repo_roots").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var seen: Set<String> = []
        return ([gitDefaultRepoDirectory] + extra.map(resolvePath)).filter { seen.insert($0.path).inserted }
    }
    public var auctionWindow: Duration { .milliseconds(Int(double("auction_window_seconds") * 1000)) }
    public var sparkEnabled: Bool { bool("spark_enabled") }
    public var authToken: String? { string("auth_token").isEmpty ? nil : string("auth_token") }
    /// The configured jitter seed, or nil to draw fresh randomness.
    public var seed: String? { string("seed").isEmpty ? nil : string("seed") }
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
