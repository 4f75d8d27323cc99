import Foundation
import GRDB
import TimmyCore

/// How a finished task ended, as the store records it.
public struct TaskOutcome: Sendable {
    public let status: TaskStatus
    public let result: String?
    public let failureReason: String?

    public static func completed(_ result: String) -> TaskOutcome { .init(status: .completed, result: result, failureReason: nil) }
    public static func failed(_ reason: String) -> TaskOutcome { .init(status: .failed, result: nil, failureReason: reason) }
}

/// Why a task could not move to the state asked for.
public enum TaskStoreError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case wrongState(id: String, status: TaskStatus, expected: [TaskStatus])

    public var description: String {
        switch self {
        case .notFound(let id): "no task with id '\(id)'"
        case .wrongState(let id, let status, let expected):
            "task \(id) is \(status.rawValue), expected \(expected.map(\.rawValue).joined(separator: " or "))"
        }
    }
}

extension Store {
    /// Stores a newly posted task and its prediction, emitting `task_posted`; a task with no plan
    /// is stored already failed, emitting `task_failed` too.
    public func insertPosted(_ task: TaskRecord, prediction: Prediction?) async throws {
        try await write { db, recorder in
            _ = try task.insertCached(db)
            if let prediction { _ = try prediction.insertCached(db) }
            var data: [String: JSONValue] = ["description": .string(String(task.description.prefix(500)))]
            if let prediction { data["prediction"] = prediction.eventPayload }
            data["tools"] = .array(task.plan.map { .string($0.tool) })
            try recorder.emit(.taskPosted, task: task.id, data)
            if task.status == .failed {
                try recorder.emit(.taskFailed, task: task.id, ["reason": .string(task.failureReason ?? "")])
            }
        }
    }

    /// Records an auction's bids and, when there is a winner, assigns the task to it.
    /// An auction without bids records nothing here; the caller fails the task with `finish`.
    public func closeAuction(task id: String, bids: [BidRecord], winner: BidRecord?) async throws {
        try await write { db, recorder in
            guard try Bool.fetchOne(db, sql: "SELECT status = 'bidding' FROM tasks WHERE id = ?", arguments: [id]) == true else {
                _ = try Self.transition(db, id, from: [.bidding], to: .bidding, at: recorder.now)
                return
            }
            for var bid in bids {
                try bid.insertCached(into: db)
                try recorder.emit(
                    .bidSubmitted, agent: bid.agent, task: id,
                    [
                        "sats": .int(bid.sats), "base_sats": .int(bid.baseSats), "learner_factor": .double(bid.learnerFactor),
                        "matched_keywords": .array(bid.matchedKeywords.map(JSONValue.string)),
                    ])
            }
            guard let winner else { return }
            try Self.transition(
                db, id, from: [.bidding], to: .assigned, at: recorder.now, setting: ", winner = ?, winning_bid = ?",
                [winner.agent, winner.sats])
            try recorder.emit(
                .taskAssigned, agent: winner.agent, task: id,
                ["sats": .int(winner.sats), "bids": .int(bids.count), "matched_keywords": .array(winner.matchedKeywords.map(JSONValue.string))])
        }
    }

    /// Moves an assigned task to running, emitting `task_started`.
    public func markRunning(task id: String) async throws {
        try await write { db, recorder in
            let task = try Self.transition(db, id, from: [.assigned], to: .running, at: recorder.now)
            try recorder.emit(.taskStarted, agent: task.winner, task: id)
        }
    }

    /// Stores one tool invocation and emits its `tool_executed` event.
    @discardableResult
    public func recordToolCall(_ call: ToolCallRecord) async throws -> ToolCallRecord {
        try await write { db, recorder in try Self.insert(call, db: db, recorder: &recorder) }
    }

    /// Inserts a tool call and emits its `tool_executed` event, inside the caller's transaction.
    static func insert(_ call: ToolCallRecord, db: Database, recorder: inout EventRecorder) throws -> ToolCallRecord {
        var call = call
        try call.insertCached(into: db)
        var data: [String: JSONValue] = [
            "tool": .string(call.tool), "success": .bool(call.success), "duration_ms": .double(call.durationMs),
            "summary": .string(call.success ? call.resultSummary : (call.error ?? "")),
        ]
        if let id = call.id { data["call_id"] = .int(Int(id)) }
        try recorder.emit(.toolExecuted, agent: call.agent, task: call.taskId, data, importance: call.success ? nil : 0.8)
        return call
    }

    /// Ends a task: stores the call that ended it (if not yet stored) and the outcome, credits the
    /// winner's bid on completion, and emits `task_completed` or `task_failed`. Returns the final record.
    public func finish(_ task: TaskRecord, _ outcome: TaskOutcome, finalCall: ToolCallRecord? = nil) async throws -> TaskRecord {
        try await write { db, recorder in
            if let finalCall { _ = try Self.insert(finalCall, db: db, recorder: &recorder) }
            let assignment = try Self.transition(
                db, task.id, from: TaskStatus.inFlight, to: outcome.status, at: recorder.now, setting: ", result = ?, failure_reason = ?",
                [outcome.result, outcome.failureReason])
            var finished = task
            finished.status = outcome.status
            finished.result = outcome.result
            finished.failureReason = outcome.failureReason
            finished.winner = assignment.winner
            finished.winningBid = assignment.winningBid
            finished.updatedAt = recorder.now
            try Self.record(outcome, of: finished, recorder: &recorder)
            return finished
        }
    }

    /// Fails every task a crash left in flight with "interrupted by restart"; returns their ids.
    public func recoverInterrupted() async throws -> [String] {
        try await write { db, recorder in
            let stranded = try TaskRecord.filter(TaskStatus.inFlight.contains(TaskRecord.Columns.status)).fetchAll(db)
            for var task in stranded {
                let outcome = TaskOutcome.failed("interrupted by restart")
                task.status = outcome.status
                task.failureReason = outcome.failureReason
                task.updatedAt = recorder.now
                try task.update(db)
                try Self.record(outcome, of: task, recorder: &recorder)
            }
            return stranded.map(\.id)
        }
    }

    /// Credits the winner of a completed task and emits the task's final event.
    private static func record(_ outcome: TaskOutcome, of task: TaskRecord, recorder: inout EventRecorder) throws {
        if outcome.status == .completed, let winner = task.winner, let sats = task.winningBid {
            var entry = LedgerEntry(agent: winner, taskId: task.id, sats: sats, memo: "won and completed task", createdAt: recorder.now)
            try entry.insertCached(into: recorder.db)
            try recorder.emit(
                .taskCompleted, agent: winner, task: task.id,
                ["sats": .int(sats), "result": .string(String((outcome.result ?? "").prefix(300)))])
        } else {
            try recorder.emit(.taskFailed, agent: task.winner, task: task.id, ["reason": .string(outcome.failureReason ?? "")])
        }
    }

    /// Moves a task from one of `allowed` to `status` in one statement, setting extra columns,
    /// and returns who holds it; throws when the task is missing or in another state.
    @discardableResult
    static func transition(
        _ db: Database, _ id: String, from allowed: [TaskStatus], to status: TaskStatus, at now: Date, setting columns: String = "",
        _ values: [(any DatabaseValueConvertible)?] = []
    ) throws -> (winner: String?, winningBid: Int?) {
        let placeholders = allowed.map { _ in "?" }.joined(separator: ", ")
        var arguments: StatementArguments = [status, now]
        arguments += StatementArguments(values)
        arguments += [id]
        arguments += StatementArguments(allowed)
        let sql = "UPDATE tasks SET status = ?, updated_at = ?\(columns) WHERE id = ? AND status IN (\(placeholders)) RETURNING winner, winning_bid"
        if let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments) { return (row[0], row[1]) }
        guard let current = try TaskStatus.fetchOne(db, sql: "SELECT status FROM tasks WHERE id = ?", arguments: [id]) else {
            throw TaskStoreError.notFound(id)
        }
        throw TaskStoreError.wrongState(id: id, status: current, expected: allowed)
    }
}

extension Prediction {
    /// The prediction as carried in the `task_posted` event.
    public var eventPayload: JSONValue {
        [
            "winner": predictedWinner.map(JSONValue.string) ?? .null, "success_probability": .double(successProbability),
            "bid_low": .int(bidLow), "bid_high": .int(bidHigh),
        ]
    }
}
