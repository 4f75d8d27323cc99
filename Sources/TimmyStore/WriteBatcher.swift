import GRDB
import Synchronization

/// Group commit: writes that arrive while a transaction is running wait and then share the next
/// one, each in its own savepoint, so one failing write never undoes another. Under load many
/// tasks' writes cost one commit; alone, a write runs at once. Once a transaction commits, the
/// events its writes emitted are published in the order they were inserted, before any writer resumes.
final class WriteBatcher: Sendable {
    private struct Pending: Sendable {
        let body: @Sendable (Database) throws -> Written
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    /// What one write returned, and the events it emitted.
    private struct Written: Sendable {
        let value: any Sendable
        let events: [EventRecord]
    }

    private struct State {
        var queue: [Pending] = []
        var draining = false
    }

    private let writer: any DatabaseWriter
    private let events: EventBus
    private let state = Mutex(State())
    private let commits = Atomic<UInt64>(0)

    init(writer: any DatabaseWriter, events: EventBus) {
        self.writer = writer
        self.events = events
    }

    /// How many writes have committed.
    var revision: UInt64 { commits.load(ordering: .acquiring) }

    /// Runs `body` in a savepoint of the next batch transaction and returns its value once that
    /// transaction commits and the events it emitted are published.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> (T, [EventRecord])) async throws -> T {
        let value = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
            let startsDrain = state.withLock { state in
                let pending = Pending(
                    body: { db in
                        let (value, events) = try body(db)
                        return Written(value: value, events: events)
                    }, continuation: continuation)
                state.queue.append(pending)
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
                        Result<Written, any Error> {
                            var written: Written?
                            try db.inSavepoint {
                                written = try pending.body(db)
                                return .commit
                            }
                            return written!
                        }
                    }
                }
                let committed = results.compactMap { try? $0.get() }
                commits.add(UInt64(committed.count), ordering: .releasing)
                await events.publish(committed.flatMap(\.events))
                for (pending, result) in zip(batch, results) { pending.continuation.resume(with: result.map(\.value)) }
            } catch {
                for pending in batch { pending.continuation.resume(throwing: error) }
            }
        }
    }
}
