import Foundation
import Synchronization
import TimmyCore

/// Reads FFmpeg's `-progress pipe:1` report (`key=value` lines, a block ending in `progress=…`)
/// and passes how far the encode is, by its `out_time_us`, to the tool's progress.
final class FFmpegProgress: Sendable {
    private let duration: Double
    private let progress: ToolProgress
    /// Text of a line not yet ended, carried to the next piece of output.
    private let pending = Mutex("")

    init(duration: Double, progress: ToolProgress) {
        self.duration = duration
        self.progress = progress
    }

    /// Takes a piece of FFmpeg's standard output; reports at the end of each block.
    func take(_ bytes: [UInt8]) async throws {
        let lines = pending.withLock { pending -> [Substring] in
            pending += String(decoding: bytes, as: UTF8.self)
            var lines = pending.split(separator: "\n", omittingEmptySubsequences: false)
            pending = String(lines.removeLast())
            return lines
        }
        for line in lines {
            guard line.hasPrefix("out_time_us="), let micros = Double(line.dropFirst("out_time_us=".count)), micros >= 0 else { continue }
            let seconds = micros / 1_000_000
            try await progress(duration > 0 ? seconds / duration : 0, String(format: "encoded %.1f of %.1f s", seconds, duration))
        }
    }
}
