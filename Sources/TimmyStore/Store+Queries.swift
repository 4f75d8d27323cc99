import Foundation
import GRDB
import TimmyCore

/// A task with everything recorded about it.
public struct TaskDetail: Sendable, Codable, Equatable {
    public let task: TaskRecord
    public let bids: [BidRecord]
    public let toolCalls: [ToolCallRecord]
    public let events: [EventRecord]
    public let prediction: Prediction?
}

/// A persona's credited sats.
public struct LedgerBalance: Sendable, Codable, Equatable {
    public let agent: String
    public let sats: Int
    public let entries: Int
}

extension Store {
    public func task(_ id: String) async throws -> TaskRecord? {
        try await read { db in try TaskRecord.fetchOne(db, key: id) }
    }

    public func taskDetail(_ id: String) async throws -> TaskDetail? {
        try await read { db in
            guard let task = try TaskRecord.fetchOne(db, key: id) else { return nil }
            return TaskDetail(
                task: task,
                bids: try BidRecord.filter(BidRecord.Columns.taskId == id).order(BidRecord.Columns.sequence).fetchAll(db),
                toolCalls: try ToolCallRecord.filter(ToolCallRecord.Columns.taskId == id).order(Column("id")).fetchAll(db),
                events: try EventRecord.filter(EventRecord.Columns.taskId == id).order(EventRecord.Columns.id).fetchAll(db),
                prediction: try Prediction.fetchOne(db, key: id))
        }
    }

    /// Tasks, newest first, optionally of one status.
    public func tasks(status: TaskStatus? = nil, limit: Int = 50, offset: Int = 0) async throws -> [TaskRecord] {
        try await read { db in try Self.tasks(db, status: status, limit: limit, offset: offset) }
    }

    /// How many tasks are in each status (every status listed, zero included).
    public func taskCounts() async throws -> [TaskStatus: Int] {
        try await read(Self.taskCounts)
    }

    /// A page of tasks and the counts by status, read in one transaction so they agree.
    public func taskPage(status: TaskStatus?, limit: Int, offset: Int) async throws -> (tasks: [TaskRecord], counts: [TaskStatus: Int]) {
        try await read { db in (try Self.tasks(db, status: status, limit: limit, offset: offset), try Self.taskCounts(db)) }
    }

    private static func tasks(_ db: Database, status: TaskStatus?, limit: Int, offset: Int) throws -> [TaskRecord] {
        var request = TaskRecord.all()
        if let status { request = request.filter(TaskRecord.Columns.status == status) }
        return try request.order(Column.rowID.desc).limit(limit, offset: offset).fetchAll(db)
    }

    private static func taskCounts(_ db: Database) throws -> [TaskStatus: Int] {
        var counts = Dictionary(uniqueKeysWithValues: TaskStatus.allCases.map { ($0, 0) })
        let rows = try Row.fetchCursor(db, sql: "SELECT status, COUNT(*) FROM tasks GROUP BY status")
        while let row = try rows.next() {
            if let status = TaskStatus(rawValue: row[0]) { counts[status] = row[1] }
        }
        return counts
    }

    /// Events, newest first, optionally filtered by type and agent.
    public func events(type: String? = nil, agent: String? = nil, limit: Int = 100) async throws -> [EventRecord] {
        try await read { db in
            var request = EventRecord.all()
            if let type { request = request.filter(EventRecord.Columns.type == type) }
            if let agent { request = request.filter(EventRecord.Columns.agent == agent) }
            return try request.order(EventRecord.Columns.id.desc).limit(limit).fetchAll(db)
        }
    }

    public func eventCount() async throws -> Int {
        try await read { db in try EventRecord.fetchCount(db) }
    }

    /// Predictions, newest first.
    public func predictions(limit: Int = 100) async throws -> [Prediction] {
        try await read { db in
            try Prediction.order(Prediction.Columns.createdAt.desc).limit(limit).fetchAll(db)
        }
    }

    /// All tool calls, oldest first, optionally of one tool: the advisor's raw material.
    public func toolCalls(tool: String? = nil) async throws -> [ToolCallRecord] {
        try await read { db in
            var request = ToolCallRecord.all()
            if let tool { request = request.filter(ToolCallRecord.Columns.tool == tool) }
            return try request.order(Column("id")).fetchAll(db)
        }
    }

    /// Calls and failures per tool, by tool name: the memories' reliability figures.
    public func toolCallCounts() async throws -> [(tool: String, calls: Int, failures: Int)] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT tool, COUNT(*) AS calls, SUM(NOT success) AS failures FROM tool_calls GROUP BY tool ORDER BY tool")
                .map { (tool: $0["tool"], calls: $0["calls"], failures: $0["failures"]) }
        }
    }

    public func ledgerBalances() async throws -> [LedgerBalance] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT agent, SUM(sats) AS sats, COUNT(*) AS n FROM ledger_entries GROUP BY agent ORDER BY sats DESC, agent")
                .map { LedgerBalance(agent: $0["agent"], sats: $0["sats"], entries: $0["n"]) }
        }
    }

    public func ledgerEntries(limit: Int = 100) async throws -> [LedgerEntry] {
        try await read { db in try LedgerEntry.order(Column("id").desc).limit(limit).fetchAll(db) }
    }

    public func memories() async throws -> [MemoryRecord] {
        try await read { db in try MemoryRecord.order(MemoryRecord.Columns.updatedAt.desc).fetchAll(db) }
    }

    /// Stores a memory, or updates the one with the same kind and subject.
    public func consolidate(_ memory: MemoryRecord) async throws {
        try await write { db, _ in
            try db.execute(
                sql: """
                    INSERT INTO memories (kind, subject, content, evidence_count, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(kind, subject) DO UPDATE SET content = excluded.content,
                        evidence_count = excluded.evidence_count, updated_at = excluded.updated_at
                    """,
                arguments: [memory.kind, memory.subject, memory.content, memory.evidenceCount, memory.createdAt, memory.updatedAt])
        }
    }

    /// Whether the database answers a trivial query.
    public func isHealthy() async -> Bool {
        (try? await read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
    }
}
