import Foundation
import GRDB
import TimmyCore

/// One recorded tool call reduced to what usage statistics need.
public struct ToolCallSample: Sendable, Equatable {
    public let tool: String
    public let agent: String
    public let success: Bool
    public let durationMs: Double
}

/// A closed auction: the task and every bid it drew, in order of arrival.
public struct AuctionRecord: Sendable, Codable, Equatable {
    public let task: TaskRecord
    public let bids: [BidRecord]
}

extension Store {
    /// Every tool call's tool, agent, success and duration, grouped by tool then agent.
    public func toolCallSamples() async throws -> [ToolCallSample] {
        try await read { db in
            try Row.fetchCursor(db, sql: "SELECT tool, agent, success, duration_ms FROM tool_calls ORDER BY tool, agent")
                .map { ToolCallSample(tool: $0[0], agent: $0[1], success: $0[2], durationMs: $0[3]) }
                .reduce(into: []) { $0.append($1) }
        }
    }

    /// The latest auctions that drew bids, newest first, each with its bids.
    public func recentAuctions(limit: Int) async throws -> [AuctionRecord] {
        try await read { db in
            let tasks = try TaskRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM tasks WHERE id IN (SELECT task_id FROM bids GROUP BY task_id ORDER BY MAX(id) DESC LIMIT ?)
                    ORDER BY created_at DESC, rowid DESC
                    """, arguments: [limit])
            let bids = try BidRecord.filter(tasks.map(\.id).contains(BidRecord.Columns.taskId)).order(BidRecord.Columns.sequence).fetchAll(db)
            let byTask = Dictionary(grouping: bids, by: \.taskId)
            return tasks.map { AuctionRecord(task: $0, bids: byTask[$0.id] ?? []) }
        }
    }

    /// Events recorded after the one with id `id`, oldest first: what a reconnecting live feed missed.
    public func events(after id: Int64, limit: Int = 500) async throws -> [EventRecord] {
        try await read { db in
            try EventRecord.filter(EventRecord.Columns.id > id).order(EventRecord.Columns.id).limit(limit).fetchAll(db)
        }
    }
}
