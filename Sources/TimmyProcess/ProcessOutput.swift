import Foundation

/// What a finished program left behind. A non-zero exit is a value to inspect, not an error.
public struct ProcessOutput: Sendable, Equatable {
    /// How the program ended.
    public enum Status: Sendable, Equatable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        public var description: String {
            switch self {
            case .exited(let code): "exit status \(code)"
            case .signalled(let signal): "killed by signal \(signal)"
            }
        }
    }

    public let status: Status
    public let standardOutput: [UInt8]
    public let standardError: [UInt8]
    /// Wall-clock time from launch to exit.
    public let duration: Duration

    public init(status: Status, standardOutput: [UInt8], standardError: [UInt8], duration: Duration) {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.duration = duration
    }

    /// True when the program exited with status 0.
    public var succeeded: Bool { status == .exited(0) }

    /// Standard output as UTF-8 text (invalid bytes become U+FFFD).
    public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }

    /// Standard error as UTF-8 text, trimmed of surrounding blank lines.
    public var errorText: String {
        String(decoding: standardError, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
