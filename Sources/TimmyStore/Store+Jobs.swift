import Foundation
import GRDB
import TimmyCore

/// Why a job could not move to the state asked for.
public enum JobStoreError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case wrongState(id: String, status: JobStatus, expected: [JobStatus])

    public var description: String {
        switch self {
        case .notFound(let id): "no job with id '\(id)'"
        case .wrongState(let id, let status, let expected):
            "job \(id) is \(status.rawValue); this needs it \(expected.map(\.rawValue).joined(separator: " or "))"
        }
    }
}

/// How a job ended, as the runner reports it.
public enum JobOutcome: Sendable {
    case done(ToolResult)
    case failed(String)
    case cancelled
    /// Stopped by a shutdown; it can be retried.
    case interrupted
}

extension Store {
    /// Stores a new queued job and emits its first `job_progress`.
    public func insertJob(_ job: JobRecord) async throws {
        try await write { db, recorder in
            try job.insert(db)
            try recorder.emit(.jobProgress, agent: job.persona, task: job.taskId, job.eventPayload)
        }
    }

    /// Starts a queued job: running, attempt counted; nil when it is no longer queued.
    public func claimJob(_ id: String) async throws -> JobRecord? {
        try await write { db, recorder in
            let sql = """
                UPDATE jobs SET status = 'running', progress = 0, message = 'starting', attempts = attempts + 1, started_at = ?, updated_at = ?
                WHERE id = ? AND status = 'queued' RETURNING *
                """
            guard let job = try JobRecord.fetchOne(db, sql: sql, arguments: [recorder.now, recorder.now, id]) else { return nil }
            try recorder.emit(.jobProgress, agent: job.persona, task: job.taskId, job.eventPayload)
            return job
        }
    }

    /// Records progress of a running job; false when it is not running any more (cancelled elsewhere).
    public func reportJobProgress(_ id: String, progress: Double, message: String) async throws -> Bool {
        try await write { db, recorder in
            let sql = "UPDATE jobs SET progress = ?, message = ?, updated_at = ? WHERE id = ? AND status = 'running' RETURNING *"
            guard let job = try JobRecord.fetchOne(db, sql: sql, arguments: [min(1, max(0, progress)), message, recorder.now, id]) else {
                return false
            }
            try recorder.emit(.jobProgress, agent: job.persona, task: job.taskId, job.eventPayload)
            return true
        }
    }

    /// Ends attempt `attempt` of a job in one transaction with its tool call (and `tool_executed`)
    /// and, when done, its asset rows. A job cancelled meanwhile cannot be completed, and a later
    /// attempt (a retry) is never ended by an earlier one: both throw `wrongState`, writing nothing.
    @discardableResult
    public func finishJob(_ id: String, attempt: Int, _ outcome: JobOutcome, call: ToolCallRecord?) async throws -> JobRecord {
        try await write { db, recorder in
            let allowed: [JobStatus] =
                switch outcome {
                case .done, .failed, .interrupted: [.running]
                case .cancelled: [.running, .cancelled]
                }
            var insertedCall: ToolCallRecord?
            if let call { insertedCall = try Self.insert(call, db: db, recorder: &recorder) }
            let (status, progress, message, result, error): (JobStatus, Double?, String, String?, String?) =
                switch outcome {
                case .done(let result):
                    (
                        .done, 1, "done",
                        JSONValue.object(["summary": .string(result.summary), "text": .string(result.text), "data": result.data]).jsonText, nil
                    )
                case .failed(let reason): (.failed, nil, "failed", nil, reason)
                case .cancelled: (.cancelled, nil, "cancelled", nil, "cancelled on request")
                case .interrupted: (.interrupted, nil, "interrupted", nil, "interrupted by shutdown")
                }
            let placeholders = allowed.map { _ in "?" }.joined(separator: ", ")
            let sql = """
                UPDATE jobs SET status = ?, progress = COALESCE(?, progress), message = ?, result = ?, error = ?, finished_at = ?, updated_at = ?
                WHERE id = ? AND attempts = ? AND status IN (\(placeholders)) RETURNING *
                """
            var arguments: StatementArguments = [status.rawValue, progress, message, result, error, recorder.now, recorder.now, id, attempt]
            arguments += StatementArguments(allowed.map(\.rawValue))
            guard let job = try JobRecord.fetchOne(db, sql: sql, arguments: arguments) else {
                throw try Self.jobStateError(db, id, expected: allowed)
            }
            if case .done(let result) = outcome {
                for asset in result.assets {
                    try AssetRecord(asset, jobId: id, taskId: job.taskId, toolCallId: insertedCall?.id, createdAt: recorder.now).insert(db)
                }
            }
            try recorder.emit(.jobProgress, agent: job.persona, task: job.taskId, job.eventPayload, importance: outcome.isFailure ? 0.6 : 0.3)
            return job
        }
    }

    /// Cancels a queued or running job (a running one stops at its next progress report).
    public func cancelJob(_ id: String) async throws -> JobRecord {
        try await transitionJob(
            id, from: [.queued, .running], setting: "status = 'cancelled', message = 'cancelled', error = 'cancelled on request', finished_at = :now")
    }

    /// Puts a failed, cancelled or interrupted job back in the queue.
    public func retryJob(_ id: String) async throws -> JobRecord {
        try await transitionJob(
            id, from: JobStatus.retryable,
            setting: "status = 'queued', progress = 0, message = 'queued again', result = NULL, error = NULL, started_at = NULL, finished_at = NULL")
    }

    /// Marks every job a crash left running as `interrupted`; returns their ids.
    public func recoverJobs() async throws -> [String] {
        try await write { db, recorder in
            let sql = """
                UPDATE jobs SET status = 'interrupted', message = 'interrupted', error = 'interrupted by restart', finished_at = ?, updated_at = ?
                WHERE status = 'running' RETURNING *
                """
            let jobs = try JobRecord.fetchAll(db, sql: sql, arguments: [recorder.now, recorder.now])
            for job in jobs { try recorder.emit(.jobProgress, agent: job.persona, task: job.taskId, job.eventPayload, importance: 0.6) }
            return jobs.map(\.id)
        }
    }

    /// Moves a job from one of `allowed` in one statement; `setting` may use `:now`.
    private func transitionJob(_ id: String, from allowed: [JobStatus], setting: String) async throws -> JobRecord {
        try await write { db, recorder in
            var arguments: [String: (any DatabaseValueConvertible)?] = ["now": recorder.now, "id": id]
            for (index, status) in allowed.enumerated() { arguments["s\(index)"] = status.rawValue }
            let list = allowed.indices.map { ":s\($0)" }.joined(separator: ", ")
            let sql = "UPDATE jobs SET \(setting), updated_at = :now WHERE id = :id AND status IN (\(list)) RETURNING *"
            guard let job = try JobRecord.fetchOne(db, sql: sql, arguments: StatementArguments(arguments)) else {
                throw try Self.jobStateError(db, id, expected: allowed)
            }
            try recorder.emit(.jobProgress, agent: job.persona, task: job.taskId, job.eventPayload)
            return job
        }
    }

    private static func jobStateError(_ db: Database, _ id: String, expected: [JobStatus]) throws -> JobStoreError {
        guard let raw = try String.fetchOne(db, sql: "SELECT status FROM jobs WHERE id = ?", arguments: [id]), let status = JobStatus(rawValue: raw)
        else {
            return .notFound(id)
        }
        return .wrongState(id: id, status: status, expected: expected)
    }
}

extension JobOutcome {
    var isFailure: Bool {
        if case .failed = self { return true }
        return false
    }
}
