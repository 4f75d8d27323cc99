import Foundation
import GRDB
import TimmyCore

/// A queued tool call: what to run, on which backend, and how far it got.
public struct JobRecord: Sendable, Codable, Equatable, Identifiable, FetchableRecord, PersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
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

    /// The job as carried in its `job_progress` events.
    var eventPayload: [String: JSONValue] {
        [
            "job_id": .string(id), "tool": .string(tool), "status": .string(status.rawValue), "progress": .double(progress),
            "message": .string(message),
            "backend": .string(backend),
        ]
    }
}
