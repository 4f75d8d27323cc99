import Foundation
import GRDB
import TimmyCore

/// The store every service writes through: each write is one transaction whose events are
/// published on the bus after it commits.
public final class Store: Sendable {
    public let database: AppDatabase
    public let events: EventBus
    private let batcher: WriteBatcher

    public init(database: AppDatabase, events: EventBus = EventBus()) {
        self.database = database
        self.events = events
        batcher = WriteBatcher(writer: database.writer, events: events)
    }

    var writer: any DatabaseWriter { database.writer }

    /// How many writes this store has committed. Anything derived from a read started at revision `r`
    /// stays current for as long as the revision is still `r`: this process is the only writer.
    public var revision: UInt64 { batcher.revision }

    /// Runs `body` atomically (in a savepoint of a group-committed transaction) and returns once that
    /// transaction has committed and the events it emitted are published.
    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database, inout EventRecorder) throws -> T) async throws -> T {
        try await batcher.write { db in
            var recorder = EventRecorder(db: db, now: Date())
            let value = try body(db, &recorder)
            return (value, recorder.events)
        }
    }

    /// Runs a read-only query.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.read(body)
    }
}
