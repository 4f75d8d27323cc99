import Foundation
import GRDB
import TimmyCore

/// A queued tool call: what to run, on which backend, and how far it got.
public struct JobRecord: Sendable, Codable, Equatable, Identifiable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "jobs"

    public var id: String
    public var tool: String
    public var persona: String
    public var arguments: [String: JSONValue]
    /// The backend that runs it, which is also its concurrency lane.
    public var backend: String
    public var status: JobStatus
    public var progress: Double
    public var message: String
    /// The tool's result (`summary`, `text`, `data`) once done.
    public var result: JSONValue?
    public var error: String?
    /// How many times it has been started.
    public var attempts: Int
    public var taskId: String?
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    public var updatedAt: Date

    public enum Columns {
        public static let id = Column("id")
        public static let status = Column("status")
        public static let backend = Column("backend")
        public static let createdAt = Column("created_at")
    }

    public init(id: String, tool: String, persona: String, arguments: [String: JSONValue], backend: String, taskId: String?, createdAt: Date) {
        self.id = id
        self.tool = tool
        self.persona = persona
        self.arguments = arguments
        self.backend = backend
        status = .queued
        progress = 0
        message = "queued"
        attempts = 0
        self.taskId = taskId
        self.createdAt = createdAt
        updatedAt = createdAt
    }

    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["tool"] = tool
        container["persona"] = persona
        container["arguments"] = arguments.jsonText
        container["backend"] = backend
        container["status"] = status.rawValue
        container["progress"] = progress
        container["message"] = message
        container["result"] = result?.jsonText
        container["error"] = error
        container["attempts"] = attempts
        container["task_id"] = taskId
        container["created_at"] = createdAt
        container["started_at"] = startedAt
        container["finished_at"] = finishedAt
        container["updated_at"] = updatedAt
    }

    public init(row: Row) {
        id = row["id"]
        tool = row["tool"]
        persona = row["persona"]
        if case .object(let object)? = JSONValue.parse(row["arguments"] ?? "{}") { arguments = object } else { arguments = [:] }
        backend = row["backend"]
        status = JobStatus(rawValue: row["status"]) ?? .failed
        progress = row["progress"]
        message = row["message"]
        result = (row["result"] as String?).flatMap(JSONValue.parse)
        error = row["error"]
        attempts = row["attempts"]
        taskId = row["task_id"]
        createdAt = row["created_at"]
        startedAt = row["started_at"]
        finishedAt = row["finished_at"]
        updatedAt = row["updated_at"]
    }

    /// The job as carried in its `job_progress` events.
    var eventPayload: [String: JSONValue] {
        [
            "job_id": .string(id), "tool": .string(tool), "status": .string(status.rawValue), "progress": .double(progress),
            "message": .string(message),
            "backend": .string(backend),
        ]
    }
}
