import TimmyCore

/// Why an edit was refused or could not be made, in words a person can act on.
public enum AssemblyError: Error, Equatable, CustomStringConvertible {
    /// A value of the edit is wrong; `field` names it as the edit file does (`captions[3].end`).
    case invalid(field: String, reason: String)
    /// The edit file could not be read or is not JSON.
    case unreadable(path: String, reason: String)
    /// A file of the assembly (its work files, the output) could not be written.
    case cannotWrite(path: String, reason: String)
    /// A font the cards and captions are drawn with is missing.
    case fontMissing(path: String, package: String)
    /// FFmpeg or ffprobe is absent, could not run, or failed.
    case ffmpeg(program: String, message: String)
    /// The file FFmpeg wrote is not what the edit planned.
    case unexpectedOutput(String)

    public var description: String {
        switch self {
        case .invalid(let field, let reason): "\(field): \(reason)"
        case .unreadable(let path, let reason): "cannot read the edit \(path): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .fontMissing(let path, let package): "the font \(path) is missing; install \(package) (scripts/bootstrap does)"
        case .ffmpeg(let program, let message): "\(program): \(message)"
        case .unexpectedOutput(let message): "the assembled video is not as planned: \(message)"
        }
    }

    /// The same refusal as a tool error, naming the field; other failures as a failed call.
    public var toolError: ToolError {
        switch self {
        case .invalid(let field, let reason): .invalidArgument(name: field, reason: reason)
        default: .failed(description)
        }
    }
}
