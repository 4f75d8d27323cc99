import Foundation
import GRDB
import TimmyCore

/// One step of a project: a row per scene's keyframe and per clip, one each for the script, the
/// music and the assembly. `inputs` is everything the step's output depends on, so a step whose
/// inputs are unchanged and whose files still hash the same is never made again.
public struct StepRecord: Sendable, Codable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseTableName = "project_steps"

    public var id: Int64?
    public var projectId: String
    public var kind: StepKind
    /// The scene a keyframe or clip belongs to, from 1; nil for whole-project steps.
    public var scene: Int?
    /// Its place among the rows of its kind, from 1: the scene for keyframes, the clip's number for clips, 1 for the rest.
    public var ordinal: Int
    public var status: StepStatus
    public var persona: String
    /// The backend that ran (or was asked for, until it has run).
    public var backend: String
    public var inputs: JSONValue
    /// What it made: `assets` (each `id`, `kind`, `path`, `sha256`, `seed`) and anything the next steps read.
    public var outputs: JSONValue
    /// The jobs that ran it, oldest first.
    public var jobIds: [String]
    public var error: String?
    public var startedAt: Date?
    public var finishedAt: Date?
    public var updatedAt: Date

    public enum Columns {
        public static let projectId = Column("project_id")
        public static let kind = Column("kind")
        public static let ordinal = Column("ordinal")
        public static let status = Column("status")
    }

    public init(projectId: String, kind: StepKind, scene: Int?, ordinal: Int, backend: String, inputs: JSONValue, at now: Date) {
        self.projectId = projectId
        self.kind = kind
        self.scene = scene
        self.ordinal = ordinal
        status = .pending
        persona = kind.persona
        self.backend = backend
        self.inputs = inputs
        outputs = [:]
        jobIds = []
        updatedAt = now
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Milliseconds from start to finish, once finished.
    public var durationMs: Double? {
        guard let startedAt, let finishedAt else { return nil }
        return finishedAt.timeIntervalSince(startedAt) * 1000
    }
}
