import Foundation

/// Why a program could not run to its end. A program that ran and exited non-zero is not an
/// error; see `ProcessOutput.status`.
public enum ProcessRunError: Error, Equatable, CustomStringConvertible {
    case programNotFound(String)
    case workingDirectoryMissing(label: String, path: String)
    case timedOut(label: String, seconds: Double)
    case outputTooLarge(label: String, limit: Int)
    case cancelled(label: String)
    case launchFailed(label: String, reason: String)

    public var description: String {
        switch self {
        case .programNotFound(let program):
            "'\(program)' was not found on PATH; install it (scripts/bootstrap installs what Timmy needs) or add its folder to PATH"
        case .workingDirectoryMissing(let label, let path):
            "cannot run \(label) in \(path): the folder does not exist or cannot be entered"
        case .timedOut(let label, let seconds):
            "\(label) timed out after \(Self.format(seconds)) s and was stopped"
        case .outputTooLarge(let label, let limit):
            "\(label) wrote more than \(limit) bytes of output and was stopped; narrow the request (fewer paths, a shorter range)"
        case .cancelled(let label):
            "\(label) was cancelled and stopped"
        case .launchFailed(let label, let reason):
            "could not start \(label): \(reason)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
