import TimmyAPI
import TimmyCore
import TimmyDirector
import TimmyLLM
import TimmyStore

extension TimmyRuntime {
    public func projects(limit: Int) async throws -> ProjectList {
        guard (1...500).contains(limit) else { throw ServiceError.invalid(field: "limit", message: "limit must be between 1 and 500, got \(limit)") }
        return ProjectList(projects: try await store.projects(limit: limit).map { ProjectView($0, settings: settings) }, limit: limit)
    }

    public func project(_ id: String) async throws -> ProjectDetail {
        guard Director.isValidID(id), let project = try await store.project(id) else { throw ServiceError.notFound("no project with id '\(id)'") }
        let steps = try await store.steps(project: id)
        let timeline = PlannedTimeline(project: project, music: steps.last { $0.kind == .music }, settings: settings)
        return ProjectDetail(
            project: ProjectView(project, settings: settings), script: project.script, steps: steps.map(StepView.init),
            timeline: timeline.map(TimelineView.init))
    }

    public func createProject(_ request: CreateProjectRequest) async throws -> ProjectDetail {
        let project = try await directed { try await director.create(request) }
        return try await self.project(project.id)
    }

    public func editProject(_ id: String, _ edit: EditProjectRequest) async throws -> ProjectDetail {
        try await known(id)
        var scenes: [Int: String] = [:]
        for change in edit.scenes ?? [] {
            guard scenes[change.scene] == nil else {
                throw ServiceError.invalid(field: "scenes", message: "scene \(change.scene) is edited twice; give each scene once")
            }
            scenes[change.scene] = change.description
        }
        let lyrics = edit.lyrics?.map(DirectorScript.Line.init)
        _ = try await directed { try await director.edit(id, scenes: scenes, lyrics: lyrics, title: edit.title, credits: edit.credits) }
        return try await project(id)
    }

    public func approveProject(_ id: String) async throws -> ProjectDetail {
        try await known(id)
        _ = try await directed { try await director.approve(id) }
        return try await project(id)
    }

    public func resumeProject(_ id: String) async throws -> ProjectDetail {
        try await known(id)
        _ = try await directed { try await director.resume(id) }
        return try await project(id)
    }

    public func rerunScene(_ id: String, _ request: RerunSceneRequest) async throws -> ProjectDetail {
        try await known(id)
        _ = try await directed { try await director.rerunScene(id, scene: request.scene, seed: request.seed, description: request.description) }
        return try await project(id)
    }

    /// A 404 for an id that names no project (or could not name one), before anything else is checked.
    private func known(_ id: String) async throws {
        guard Director.isValidID(id), try await store.project(id) != nil else { throw ServiceError.notFound("no project with id '\(id)'") }
    }

    /// The Director's errors as the service's.
    private func directed<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DirectorError {
            switch error {
            case .invalid(let field, let message): throw ServiceError.invalid(field: field, message: message)
            case .notFound(let message): throw ServiceError.notFound(message)
            case .conflict(let message): throw ServiceError.conflict(message)
            case .failed(let message): throw ServiceError.failed(message)
            }
        }
    }
}
