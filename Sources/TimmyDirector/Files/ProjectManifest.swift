import Foundation
import TimmyCore
import TimmyStore

/// `project.json`: the project as a file a person or another program can read without Timmy —
/// what was asked, the script, every step with its inputs, outputs, jobs and timings, every asset
/// with its seed and SHA-256, and the seconds each kind of step took.
struct ProjectManifest: Sendable {
    let store: Store
    let folder: ProjectFolder

    func write(_ id: String) async throws {
        guard let project = try await store.project(id) else { return }
        let steps = try await store.steps(project: id)
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let data = try JSONCoding.prettyEncoder().encode(Self.json(project, steps, folder: folder))
        try data.write(to: folder.manifest, options: .atomic)
    }

    static func json(_ project: ProjectRecord, _ steps: [StepRecord], folder: ProjectFolder) -> JSONValue {
        let base = folder.url.path + "/"
        func relative(_ path: String) -> String { path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path }
        var assets: [JSONValue] = []
        for step in steps {
            for case .object(var asset) in step.outputs["assets"]?.arrayValue ?? [] {
                asset["file"] = asset["path"]?.stringValue.map { .string(relative($0)) }
                asset["step"] = .string(step.kind.rawValue)
                if let scene = step.scene { asset["scene"] = .int(scene) }
                asset["ordinal"] = .int(step.ordinal)
                assets.append(.object(asset))
            }
        }
        var object: [String: JSONValue] = [
            "id": .string(project.id), "title": .string(project.title), "prompt": .string(project.prompt), "duration": .double(project.duration),
            "genre": .string(project.genre), "style": .string(project.style), "resolution": .string(project.resolution),
            "backend": .string(project.backend), "status": .string(project.status.rawValue), "seed": .int(project.seed),
            "scene_seeds": .object(project.sceneSeeds.mapValues(JSONValue.int)), "script_source": .string(project.scriptSource),
            "script": project.script, "created_at": .string(project.createdAt.formatted(.iso8601)),
            "updated_at": .string(project.updatedAt.formatted(.iso8601)),
            "steps": .array(steps.map { step(json: $0) }), "assets": .array(assets), "timings": .object(timings(steps).mapValues(JSONValue.double)),
        ]
        if let pause = project.pauseAfter { object["pause_after"] = .string(pause) }
        if let note = project.scriptNote { object["script_note"] = .string(note) }
        if let task = project.taskId { object["task_id"] = .string(task) }
        if let error = project.error { object["error"] = .string(error) }
        return .object(object)
    }

    /// Seconds of each kind of step, first start to last finish (clips run side by side), and `total`.
    static func timings(_ steps: [StepRecord]) -> [String: Double] {
        var timings: [String: Double] = [:]
        for kind in StepKind.allCases {
            let rows = steps.filter { $0.kind == kind && $0.status == .done }
            guard let start = rows.compactMap(\.startedAt).min(), let end = rows.compactMap(\.finishedAt).max() else { continue }
            timings[kind.rawValue] = end.timeIntervalSince(start)
        }
        if let start = steps.compactMap(\.startedAt).min(), let end = steps.compactMap(\.finishedAt).max() {
            timings["total"] = end.timeIntervalSince(start)
        }
        return timings
    }

    private static func step(json step: StepRecord) -> JSONValue {
        var object: [String: JSONValue] = [
            "kind": .string(step.kind.rawValue), "ordinal": .int(step.ordinal), "status": .string(step.status.rawValue),
            "persona": .string(step.persona), "backend": .string(step.backend), "inputs": step.inputs, "outputs": step.outputs,
            "job_ids": .array(step.jobIds.map(JSONValue.string)),
        ]
        if let scene = step.scene { object["scene"] = .int(scene) }
        if let started = step.startedAt { object["started_at"] = .string(started.formatted(.iso8601)) }
        if let finished = step.finishedAt { object["finished_at"] = .string(finished.formatted(.iso8601)) }
        if let duration = step.durationMs { object["seconds"] = .double(duration / 1000) }
        if let error = step.error { object["error"] = .string(error) }
        return .object(object)
    }
}
