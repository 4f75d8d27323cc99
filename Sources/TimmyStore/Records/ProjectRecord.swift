import Foundation
import GRDB
import TimmyCore

/// A Creative Director project: what was asked for, its script, and where it is.
public struct ProjectRecord: Sendable, Codable, Equatable, Identifiable, FetchableRecord, PersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseTableName = "projects"

    public var id: String
    public var title: String
    public var prompt: String
    /// Seconds of the finished video.
    public var duration: Double
    public var genre: String
    public var style: String
    public var resolution: String
    /// `auto`, `sketch` or `worker`, as asked.
    public var backend: String
    /// `script` or `storyboard`: the step after which the project waits for approval.
    public var pauseAfter: String?
    public var status: ProjectStatus
    /// The script as JSON (the Director's script schema).
    public var script: JSONValue
    /// `template`, `llm` or `file`.
    public var scriptSource: String
    /// Why the script is not the model's, when a model was asked and failed.
    public var scriptNote: String?
    /// Whether the approval gate has been passed.
    public var approved: Bool
    /// The seed every step's seed derives from.
    public var seed: Int
    /// Seeds given to single scenes by a re-roll or re-render, by scene index ("0", "1", …).
    public var sceneSeeds: [String: Int]
    /// The task that asked for the project, when one did.
    public var taskId: String?
    public var error: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var finishedAt: Date?

    public enum Columns {
        public static let id = Column("id")
        public static let status = Column("status")
        public static let createdAt = Column("created_at")
    }

    public init(
        id: String, title: String, prompt: String, duration: Double, genre: String, style: String, resolution: String, backend: String,
        pauseAfter: String?, script: JSONValue, scriptSource: String, scriptNote: String?, seed: Int, taskId: String?, createdAt: Date
    ) {
        self.id = id
        self.title = title
        self.prompt = prompt
        self.duration = duration
        self.genre = genre
        self.style = style
        self.resolution = resolution
        self.backend = backend
        self.pauseAfter = pauseAfter
        status = .running
        self.script = script
        self.scriptSource = scriptSource
        self.scriptNote = scriptNote
        approved = false
        self.seed = seed
        sceneSeeds = [:]
        self.taskId = taskId
        self.createdAt = createdAt
        updatedAt = createdAt
    }
}
