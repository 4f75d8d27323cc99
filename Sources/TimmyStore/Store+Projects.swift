import Foundation
import GRDB
import TimmyCore

/// Why a project could not be read or changed.
public enum ProjectStoreError: Error, Equatable, CustomStringConvertible {
    case notFound(String)

    public var description: String {
        switch self {
        case .notFound(let id): "no project with id '\(id)'"
        }
    }
}

extension Store {
    /// Stores a new project with its first steps; each step emits its `creative_step`.
    @discardableResult
    public func insertProject(_ project: ProjectRecord, steps: [StepRecord]) async throws -> [StepRecord] {
        try await write { db, recorder in
            try project.insert(db)
            return try steps.map { step in
                var step = step
                try step.insert(db)
                try recorder.emit(.creativeStep, agent: step.persona, task: project.taskId, Self.payload(step))
                return step
            }
        }
    }

    public func project(_ id: String) async throws -> ProjectRecord? {
        try await read { db in try ProjectRecord.fetchOne(db, key: id) }
    }

    /// Projects, newest first, optionally of one status.
    public func projects(status: ProjectStatus? = nil, limit: Int = 50) async throws -> [ProjectRecord] {
        try await read { db in
            var request = ProjectRecord.all()
            if let status { request = request.filter(ProjectRecord.Columns.status == status.rawValue) }
            return try request.order(ProjectRecord.Columns.createdAt.desc, Column.rowID.desc).limit(limit).fetchAll(db)
        }
    }

    /// A project's steps in the order they run: by kind, then ordinal.
    public func steps(project id: String) async throws -> [StepRecord] {
        try await read { db in
            try StepRecord.filter(StepRecord.Columns.projectId == id).fetchAll(db).sorted { ($0.kind, $0.ordinal) < ($1.kind, $1.ordinal) }
        }
    }

    /// Changes a project in one write. A change of status emits a `creative_step` whose step is `project`.
    @discardableResult
    public func updateProject(_ id: String, _ change: @escaping @Sendable (inout ProjectRecord) throws -> Void) async throws -> ProjectRecord {
        try await write { db, recorder in
            guard var project = try ProjectRecord.fetchOne(db, key: id) else { throw ProjectStoreError.notFound(id) }
            let before = project.status
            try change(&project)
            project.updatedAt = recorder.now
            try project.update(db)
            if project.status != before {
                var data: [String: JSONValue] = [
                    "project": .string(id), "step": "project", "status": .string(project.status.rawValue),
                    "summary": .string("project \(project.status.rawValue.replacingOccurrences(of: "_", with: " "))"),
                ]
                if let error = project.error, project.status == .failed { data["error"] = .string(error) }
                try recorder.emit(
                    .creativeStep, agent: PersonaCatalog.timmy.id, task: project.taskId, data, importance: project.status == .failed ? 0.8 : nil)
            }
            return project
        }
    }

    /// Inserts or updates a step and emits its `creative_step`: project, step, persona, output path, duration.
    @discardableResult
    public func saveStep(_ step: StepRecord) async throws -> StepRecord {
        try await write { db, recorder in
            var step = step
            step.updatedAt = recorder.now
            if step.id == nil { try step.insert(db) } else { try step.update(db) }
            let task = try String.fetchOne(db, sql: "SELECT task_id FROM projects WHERE id = ?", arguments: [step.projectId])
            try recorder.emit(.creativeStep, agent: step.persona, task: task, Self.payload(step), importance: step.status == .failed ? 0.8 : nil)
            return step
        }
    }

    public func step(_ id: Int64) async throws -> StepRecord? {
        try await read { db in try StepRecord.fetchOne(db, key: id) }
    }

    /// Adds the job that runs a step to its record, and says so with a `creative_step`, so whoever
    /// follows the project can follow the job's progress too.
    public func addStepJob(_ id: Int64, _ job: String) async throws {
        try await write { db, recorder in
            guard var step = try StepRecord.fetchOne(db, key: id) else { return }
            step.jobIds.append(job)
            step.updatedAt = recorder.now
            try step.update(db)
            let task = try String.fetchOne(db, sql: "SELECT task_id FROM projects WHERE id = ?", arguments: [step.projectId])
            try recorder.emit(.creativeStep, agent: step.persona, task: task, Self.payload(step))
        }
    }

    /// Removes a project's steps of one kind from `ordinal` on (clips of a plan grown shorter).
    public func deleteSteps(project id: String, kind: StepKind, from ordinal: Int) async throws {
        try await write { db, _ in
            try StepRecord.filter(
                StepRecord.Columns.projectId == id && StepRecord.Columns.kind == kind.rawValue && StepRecord.Columns.ordinal >= ordinal
            )
            .deleteAll(db)
        }
    }

    /// Marks the projects and steps a crash left running as interrupted; returns the projects' ids.
    public func recoverProjects() async throws -> [String] {
        try await write { db, recorder in
            let steps = try StepRecord.fetchAll(
                db,
                sql:
                    "UPDATE project_steps SET status = 'interrupted', error = 'interrupted by restart', updated_at = ? WHERE status = 'running' RETURNING *",
                arguments: [recorder.now])
            for step in steps { try recorder.emit(.creativeStep, agent: step.persona, Self.payload(step), importance: 0.6) }
            let projects = try ProjectRecord.fetchAll(
                db,
                sql:
                    "UPDATE projects SET status = 'interrupted', error = 'interrupted by restart', updated_at = ? WHERE status = 'running' RETURNING *",
                arguments: [recorder.now])
            for project in projects {
                try recorder.emit(
                    .creativeStep, agent: PersonaCatalog.timmy.id, task: project.taskId,
                    ["project": .string(project.id), "step": "project", "status": "interrupted", "summary": "project interrupted by restart"],
                    importance: 0.6)
            }
            return projects.map(\.id)
        }
    }

    /// Each project's genre and status, for Spark's completion rates.
    public func projectOutcomes() async throws -> [(genre: String, status: ProjectStatus)] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT genre, status FROM projects").compactMap { row in
                ProjectStatus(rawValue: row["status"]).map { (genre: row["genre"], status: $0) }
            }
        }
    }

    /// Every finished step of one kind, across projects.
    public func finishedSteps(kind: StepKind) async throws -> [StepRecord] {
        try await read { db in
            try StepRecord.filter(StepRecord.Columns.kind == kind.rawValue && StepRecord.Columns.status == StepStatus.done.rawValue).fetchAll(db)
        }
    }

    /// The step as its `creative_step` event carries it.
    static func payload(_ step: StepRecord) -> [String: JSONValue] {
        var data: [String: JSONValue] = [
            "project": .string(step.projectId), "step": .string(step.kind.rawValue), "ordinal": .int(step.ordinal),
            "status": .string(step.status.rawValue), "persona": .string(step.persona), "backend": .string(step.backend),
            "job_ids": .array(step.jobIds.map(JSONValue.string)),
        ]
        if let scene = step.scene { data["scene"] = .int(scene) }
        if let path = step.outputs["assets"]?.arrayValue?.first?["path"]?.stringValue { data["output"] = .string(path) }
        if let duration = step.durationMs { data["duration_ms"] = .double(duration) }
        if let error = step.error { data["error"] = .string(error) }
        let place = step.scene.map { step.kind == .clips ? " \(step.ordinal) (scene \($0))" : " scene \($0)" } ?? ""
        data["summary"] = .string("\(step.kind.rawValue)\(place) \(step.status.rawValue)")
        return data
    }
}
