import GRDB
import Synchronization

/// Group commit: writes that arrive while a transaction is running wait and then share the next
/// one, each in its own savepoint, so one failing write never undoes another. Under load many
/// tasks' writes cost one commit; alone, a write runs at once.
final class WriteBatcher: Sendable {
    private struct Pending: Sendable {
        let body: @Sendable (Database) throws -> any Sendable
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private struct State {
        var queue: [Pending] = []
        var draining = false
    }

    private let writer: any DatabaseWriter
    private let state = Mutex(State())

    init(writer: any DatabaseWriter) { self.writer = writer }

    /// Runs `body` in a savepoint of the next batch transaction and returns once that transaction commits.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let value = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
            let startsDrain = state.withLock { state in
                state.queue.append(Pending(body: { try body($0) }, continuation: continuation))
                defer { state.draining = true }
                return !state.draining
            }
            if startsDrain { Task { await self.drain() } }
        }
        guard let typed = value as? T else { preconditionFailure("batched write returned \(type(of: value)), expected \(T.self)") }
        return typed
    }

    private func drain() async {
        while true {
            let batch = state.withLock { state in
                let batch = state.queue
                state.queue = []
                if batch.isEmpty { state.draining = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                let results = try await writer.write { db in
                    batch.map { pending in
                        Result<any Sendable, any Error> {
                            var value: (any Sendable)?
                            try db.inSavepoint {
                                value = try pending.body(db)
                                return .commit
                            }
                            return value!
                        }
                    }
                }
                for (pending, result) in zip(batch, results) { pending.continuation.resume(with: result) }
            } catch {
                for pending in batch { pending.continuation.resume(throwing: error) }
            }
        }
    }
}
