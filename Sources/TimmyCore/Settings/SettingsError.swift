/// Why settings could not be loaded; each names the key or line to fix.
public enum SettingsError: Error, Equatable, CustomStringConvertible {
    case unknownKey(key: String, source: String)
    case wrongType(key: String, source: String, expected: String, got: String)
    case invalidValue(key: String, source: String, reason: String)
    case syntax(file: String, line: Int, reason: String)
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case .unknownKey(let key, let source):
            "unknown setting '\(key)' in \(source); run `timmy config` to see the known keys"
        case .wrongType(let key, let source, let expected, let got):
            "setting '\(key)' in \(source) must be \(expected), got \(got)"
        case .invalidValue(let key, let source, let reason):
            "setting '\(key)' in \(source) \(reason)"
        case .syntax(let file, let line, let reason):
            "\(file):\(line): \(reason)"
        case .unreadable(let file, let reason):
            "cannot read \(file): \(reason)"
        }
    }
}
