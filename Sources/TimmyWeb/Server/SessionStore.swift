import Synchronization

/// Signed-in browser sessions, in memory: a restart signs everyone out. Sessions last a week.
final class SessionStore: Sendable {
    static let cookieName = "timmy_session"
    static let lifetime = Duration.seconds(7 * 24 * 3600)
    /// Most sessions kept at once; the oldest go first.
    static let capacity = 1000

    private let sessions = Mutex<[String: ContinuousClock.Instant]>([:])

    /// Starts a session and returns its id, the cookie's value.
    func start() -> String {
        let id = SecretToken.make()
        let now = ContinuousClock.now
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value > now }
            if sessions.count >= Self.capacity, let oldest = sessions.min(by: { $0.value < $1.value })?.key {
                sessions[oldest] = nil
            }
            sessions[id] = now + Self.lifetime
        }
        return id
    }

    func isValid(_ id: String) -> Bool {
        guard SecretToken.isWellFormed(id) else { return false }
        return sessions.withLock { sessions in (sessions[id]).map { $0 > .now } ?? false }
    }

    func end(_ id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }
}
