import TimmyAPI
import TimmyCore

/// One step of a project as its record shows: what went in, what came out (each file with its hash),
/// who did it on which backend, and how long it took. A running step shows its job's progress live.
struct StepRow {
    struct Fact {
        let name: String
        let value: String
    }

    struct Output {
        let kind: String
        let name: String
        let url: String?
        let hash: String
    }

    let id: Int64
    let kind: String
    let scene: Int?
    let label: String
    let status: String
    let persona: String
    let backend: String
    let inputs: [Fact]
    let outputs: [Output]
    let facts: [Fact]
    let started: String?
    let took: String?
    /// Why the step failed.
    let failure: String?
    /// The step's job while it runs, for its live progress bar.
    let job: JobRow?

    init(_ step: StepView, files: ProjectFiles, jobs: [String: JobView]) {
        id = step.id
        kind = step.kind.rawValue
        scene = step.scene
        label = step.scene.map { "\(step.kind.rawValue), scene \($0)" } ?? step.kind.rawValue
        status = step.status.rawValue
        persona = Format.name(of: step.persona)
        backend = step.backend
        inputs = Self.facts(step.inputs, leaving: [])
        outputs = Self.assets(of: step).map { asset in
            Output(
                kind: asset.kind, name: asset.path.split(separator: "/").last.map(String.init) ?? asset.path, url: files.url(asset.path),
                hash: String(asset.sha256.prefix(12)))
        }
        facts = Self.facts(step.outputs, leaving: ["assets", "sources", "phrases"])
        started = step.startedAt.map(Format.time)
        took = step.durationMs.map(Format.milliseconds)
        failure = step.error
        job = step.jobIds.last.flatMap { jobs[$0] }.map(JobRow.init)
    }

    /// The files a step recorded: `outputs.assets`, each with its kind, path and hash.
    static func assets(of step: StepView) -> [(kind: String, path: String, sha256: String)] {
        (step.outputs["assets"]?.arrayValue ?? []).compactMap { asset in
            guard let path = asset["path"]?.stringValue else { return nil }
            return (asset["kind"]?.stringValue ?? "file", path, asset["sha256"]?.stringValue ?? "")
        }
    }

    /// An object's fields as short text, leaving out `leaving`; long values are clipped.
    private static func facts(_ value: JSONValue, leaving: Set<String>) -> [Fact] {
        guard case .object(let object) = value else { return [] }
        return object.keys.sorted().filter { !leaving.contains($0) }.map { name in
            let entry = object[name] ?? .null
            let text: String =
                switch entry {
                case .string(let string): string
                case .array(let items): "\(items.count) item\(items.count == 1 ? "" : "s")"
                default: entry.jsonText
                }
            return Fact(name: name, value: Format.clip(text, 90))
        }
    }
}
