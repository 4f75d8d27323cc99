import Synchronization

/// Lets through the progress reports worth storing: a new message, a step of 5%, or half a
/// second since the last one. A progress bar stays smooth and the event table stays small.
final class ProgressThrottle: Sendable {
    private struct Last {
        var fraction = -1.0
        var message = ""
        var at = ContinuousClock.now
    }

    private let last = Mutex(Last())

    func shouldReport(_ fraction: Double, _ message: String) -> Bool {
        last.withLock { last in
            let now = ContinuousClock.now
            guard message != last.message || fraction - last.fraction >= 0.05 || now - last.at > .milliseconds(500) || fraction >= 1 else {
                return false
            }
            last = Last(fraction: fraction, message: message, at: now)
            return true
        }
    }
}
