import ArgumentParser
import Foundation

/// Runs wrk (Debian's `wrk`) against one URL and reads its summary.
struct WrkRunner {
    struct Result: CustomStringConvertible {
        let requestsPerSecond: Double
        let p99Milliseconds: Double
        let errors: Int

        var description: String {
            String(format: "%8.0f req/s   p99 %7.2f ms", requestsPerSecond, p99Milliseconds) + (errors > 0 ? "   \(errors) non-2xx or errors" : "")
        }
    }

    let executable: URL
    let threads: Int
    let connections: Int
    let seconds: Int

    /// wrk on PATH, or a clear error saying how to get it.
    static func locate() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("wrk")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw ValidationError("wrk is not installed: run scripts/bootstrap (or `apt-get install wrk`)")
    }

    /// Runs wrk on a thread of its own: blocking one of the few threads that run the server's handlers
    /// would measure a smaller server.
    func run(_ url: String) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Swift.Result { try runBlocking(url) }) }.start()
        }
    }

    private func runBlocking(_ url: String) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--latency", url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let result = Self.parse(text) else {
            throw ValidationError("wrk failed on \(url):\n\(text)")
        }
        return result
    }

    /// Reads `Requests/sec:`, the `99%` latency line and any error counts from wrk's report.
    static func parse(_ report: String) -> Result? {
        var rate: Double?
        var p99: Double?
        var errors = 0
        for line in report.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if line.hasPrefix("Requests/sec:"), let value = fields.last.flatMap({ Double($0) }) {
                rate = value
            } else if fields.first == "99%", let value = fields.last {
                p99 = milliseconds(String(value))
            } else if line.hasPrefix("Non-2xx or 3xx responses:"), let value = fields.last.flatMap({ Int($0) }) {
                errors += value
            } else if line.hasPrefix("Socket errors:") {
                errors += line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.reduce(0, +)
            }
        }
        guard let rate, let p99 else { return nil }
        return Result(requestsPerSecond: rate, p99Milliseconds: p99, errors: errors)
    }

    /// "812.00us", "4.20ms", "1.02s" in milliseconds.
    private static func milliseconds(_ text: String) -> Double? {
        for (unit, scale) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * scale }
        }
        return nil
    }
}
