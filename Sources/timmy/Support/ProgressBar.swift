import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar on standard error, shown only once work has taken more than a second: redrawn
/// in place on a terminal, a line per new message otherwise.
struct ProgressBar {
    private let started = ContinuousClock.now
    private let terminal = isatty(STDERR_FILENO) != 0
    private var lastMessage = ""
    private var drawn = false

    mutating func update(_ fraction: Double, _ message: String) {
        guard ContinuousClock.now - started > .seconds(1) else { return }
        let width = 30
        let filled = Int((fraction * Double(width)).rounded())
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        let line = String(format: "%@ %3d%% %@", bar, Int(fraction * 100), message)
        if terminal {
            write("\r\u{1b}[2K" + line)
            drawn = true
        } else if message != lastMessage {
            write(line + "\n")
        }
        lastMessage = message
    }

    /// Ends the bar's line so what follows starts clean.
    func finish() {
        if drawn { write("\n") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
