/// What a field's declaration may say besides its summary: the rules its value must pass, the
/// values it may take, and how the command line gives it.
public struct FieldOption: Sendable {
    enum Role: Sendable {
        case rule(FieldRule)
        case choices([String])
        case commandLine(CommandLineUse)
    }

    let role: Role

    /// The value must pass this rule.
    public static func rule(_ rule: FieldRule) -> FieldOption { FieldOption(role: .rule(rule)) }
    /// A whole number within bounds.
    public static func within(_ range: ClosedRange<Int>) -> FieldOption { .rule(.within(range)) }
    /// A number within bounds, optionally in a unit.
    public static func within(_ range: ClosedRange<Double>, unit: String? = nil) -> FieldOption { .rule(.within(range, unit: unit)) }
    /// Text with something other than white space, of at most `limit` characters when one is given.
    public static func text(maxLength limit: Int? = nil) -> FieldOption { .rule(.text(maxLength: limit)) }
    /// One of these names (a catalog known at run time; a fixed set is better a `FieldChoice` enum).
    public static func oneOf(_ names: [String]) -> FieldOption { FieldOption(role: .choices(names)) }

    /// On the command line, given by position (in declaration order) rather than as `--name`.
    public static let positional = FieldOption(role: .commandLine(.positional))
    /// On the command line, also `-letter`.
    public static func short(_ letter: Character) -> FieldOption { FieldOption(role: .commandLine(.short(letter))) }
    /// On the command line, also read from a file: `--name-file F` for text; for a positional list,
    /// the position names a file whose non-blank lines are the items.
    public static let fromFile = FieldOption(role: .commandLine(.fromFile))
    /// On the command line, a relative path is made absolute against the current folder before it
    /// is sent, since the server may run elsewhere; an asset id is sent as it is.
    public static let localPath = FieldOption(role: .commandLine(.localPath))
}

/// How the command line gives a field, beyond `--name value`.
public enum CommandLineUse: Sendable, Equatable {
    case positional
    case short(Character)
    case fromFile
    case localPath
}
