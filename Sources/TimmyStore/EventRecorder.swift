import Foundation
import GRDB
import TimmyCore

/// Collects the events a write emits, inserting each in the write's own transaction,
/// so an event exists exactly when the change it describes was committed.
public struct EventRecorder {
    let db: Database
    let now: Date
    private(set) var events: [EventRecord] = []

    init(db: Database, now: Date) {
        self.db = db
        self.now = now
    }

    public mutating func emit(
        _ type: SparkEventType, agent: String? = nil, task: String? = nil, _ data: [String: JSONValue] = [:], importance: Double? = nil
    ) throws {
        var event = EventRecord(type: type, agent: agent, taskId: task, data: data, importance: importance, createdAt: now)
        try event.insertCached(into: db)
        events.append(event)
    }
}
