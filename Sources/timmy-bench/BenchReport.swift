import Foundation
import TimmyCore

/// Measuring and printing: wall-clock timing and aligned result lines.
enum BenchReport {
    /// Runs `body` and returns its result with the seconds it took.
    static func time<T>(_ body: () async throws -> T) async rethrows -> (value: T, seconds: Double) {
        let start = ContinuousClock.now
        let value = try await body()
        let elapsed = ContinuousClock.now - start
        return (value, elapsed.seconds)
    }

    static func line(_ label: String, _ value: String) {
        print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + value)
    }

    static func heading(_ text: String) {
        print("\n== \(text) ==")
    }

    #if DEBUG
    static let buildWarning: String? = "note: this is a debug build; run with -c release for real figures"
    #else
    static let buildWarning: String? = nil
    #endif
}
