import Foundation
import TimmyAPI
import TimmyCore
import TimmyCreativeBackend
import TimmyLLM
import TimmyStore

/// The Creative Director: turns a prompt into a finished music video through the personas' tools
/// (script → storyboard → music → clips → assembly), keeping every project and step in the store
/// so a project can wait for approval, be edited, resume after a crash and re-render one scene.
/// Projects run one pass each in the background; `wait(for:)` awaits one.
public actor Director {
    let store: Store
    let runner: any StepRunner
    let settings: Settings
    /// Writes scripts with the language model; nil when none is configured.
    let scriptWriter: ScriptWriter?
    private var runs: [String: Task<Void, Never>] = [:]

    public init(store: Store, runner: any StepRunner, settings: Settings, scriptWriter: ScriptWriter?) {
        self.store = store
        self.runner = runner
        self.settings = settings
        self.scriptWriter = scriptWriter
    }

    // MARK: - Making and changing projects

    /// Checks the request completely (nothing is written for a bad one), writes the script, stores
    /// the project and starts it; with `pause_after: script` it waits for approval at once.
    public func create(_ request: CreateProjectRequest, taskID: String? = nil) async throws -> ProjectRecord {
        let options = try ProjectOptions.validated(request, settings: settings)
        let draft = try await script(for: options, request: request)
        let id = Self.newID(draft.script.title)
        let now = Date()
        var project = ProjectRecord(
            id: id, title: draft.script.title, prompt: options.prompt, duration: options.duration, genre: options.genre.name, style: options.style,
            resolution: options.resolution.name, backend: options.backend, pauseAfter: options.pauseAfter, script: draft.script.json,
            scriptSource: draft.source, scriptNote: draft.note, seed: options.seed, taskId: taskID, createdAt: now)
        if options.pauseAfter == "script" { project.status = .awaitingApproval }
        var step = StepRecord(
            projectId: id, kind: .script, scene: nil, ordinal: 1, backend: draft.source,
            inputs: [
                "prompt": .string(options.prompt), "genre": .string(options.genre.name), "style": .string(options.style),
                "duration": .double(options.duration),
            ],
            at: now)
        step.status = .done
        step.startedAt = draft.started
        step.finishedAt = now
        var outputs: [String: JSONValue] = [
            "source": .string(draft.source), "scenes": .int(draft.script.scenes.count), "lyrics": .int(draft.script.lyrics.count),
        ]
        if let note = draft.note { outputs["note"] = .string(note) }
        step.outputs = .object(outputs)
        try await store.insertProject(project, steps: [step])
        try await ProjectManifest(store: store, folder: ProjectFolder(project: id, settings: settings)).write(id)
        if project.status == .running { start(id) }
        return project
    }

    /// Passes the approval gate of a waiting project and runs it on, with its edits.
    public func approve(_ id: String) async throws -> ProjectRecord {
        let project = try await idle(id)
        guard project.status == .awaitingApproval else {
            throw DirectorError.conflict("project \(id) is \(project.status.rawValue), not awaiting approval")
        }
        let approved = try await update(id) { project in
            project.approved = true
            project.status = .running
            project.error = nil
        }
        start(id)
        return approved
    }

    /// Runs an interrupted, failed or finished project on: only what is missing, changed or no
    /// longer hashes as recorded is made again.
    public func resume(_ id: String) async throws -> ProjectRecord {
        let project = try await idle(id)
        guard project.status != .awaitingApproval else {
            throw DirectorError.conflict("project \(id) is awaiting approval; approve it to go on")
        }
        let resumed = try await update(id) { project in
            project.status = .running
            project.error = nil
        }
        start(id)
        return resumed
    }

    /// Changes scene descriptions (by scene number, from 1) and the lyrics of a project that is not
    /// running; they take effect when it is approved, resumed or a scene is re-rendered.
    public func edit(
        _ id: String, scenes: [Int: String], lyrics: [DirectorScript.Line]?, title: String? = nil, credits: String? = nil
    ) async throws -> ProjectRecord {
        let project = try await idle(id)
        let script = try DirectorScript.validated(project.script)
        for (number, text) in scenes.sorted(by: { $0.key < $1.key }) {
            guard (1...script.scenes.count).contains(number) else {
                throw DirectorError.invalid(
                    field: "scenes", message: "scene \(number) does not exist; the script has scenes 1 to \(script.scenes.count)")
            }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw DirectorError.invalid(field: "scenes", message: "scene \(number)'s description must not be empty")
            }
        }
        let edited = try Self.checked(
            script.replacing(
                descriptions: Dictionary(uniqueKeysWithValues: scenes.map { ($0.key - 1, $0.value) }), lyrics: lyrics, title: title, credits: credits)
        )
        return try await update(id) { project in project.script = edited.json }
    }

    /// Makes scene `scene` (from 1) again with a new seed (drawn when nil) and, optionally, a new
    /// description: its keyframe, then — when the project is past its gate — its clips and the
    /// final video. Every other asset is kept as it is.
    public func rerunScene(_ id: String, scene: Int, seed: Int?, description: String?) async throws -> ProjectRecord {
        let project = try await idle(id)
        let script = try DirectorScript.validated(project.script)
        guard (1...script.scenes.count).contains(scene) else {
            throw DirectorError.invalid(field: "scene", message: "scene must be 1 to \(script.scenes.count), got \(scene)")
        }
        if let seed, !ProjectRules.seeds.contains(seed) {
            throw DirectorError.invalid(field: "seed", message: "seed must be between 0 and 4294967295, got \(seed)")
        }
        var edited = script
        if let description {
            guard !description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw DirectorError.invalid(field: "description", message: "description must not be empty")
            }
            edited = try Self.checked(script.replacing(descriptions: [scene - 1: description]))
        }
        let newSeed = seed ?? Int.random(in: ProjectRules.seeds)
        let waiting = project.status == .awaitingApproval
        let changed = try await update(id) { [edited] project in
            project.sceneSeeds[String(scene)] = newSeed
            project.script = edited.json
            if !waiting { project.status = .running }
            project.error = nil
        }
        start(id)
        return changed
    }

    /// Marks projects and steps a crash left running as interrupted. Call once, holding the data
    /// folder's lock, before accepting work; `resume` continues them.
    @discardableResult
    public func recoverInterrupted() async throws -> [String] { try await store.recoverProjects() }

    /// Waits until the project's current pass ends.
    public func wait(for id: String) async {
        await runs[id]?.value
    }

    /// Stops every running pass (their steps become interrupted) and waits for them to record it.
    public func stop() async {
        let all = Array(runs.values)
        for run in all { run.cancel() }
        for run in all { await run.value }
    }

    // MARK: - Running

    private func start(_ id: String) {
        let work = ProjectWork(id: id, store: store, runner: runner, settings: settings)
        let store = self.store
        let folder = ProjectFolder(project: id, settings: settings)
        runs[id] = Task {
            var failure: String?
            var status: ProjectStatus
            do {
                status = try await work.run() == .completed ? .completed : .awaitingApproval
            } catch {
                status = error is CancellationError || Task.isCancelled ? .interrupted : .failed
                failure = status == .interrupted ? "interrupted by shutdown" : "\(error)"
            }
            _ = try? await store.updateProject(id) { [status, failure] project in
                project.status = status
                project.error = failure
                if status == .completed { project.finishedAt = Date() }
            }
            try? await ProjectManifest(store: store, folder: folder).write(id)
            await self.finished(id)
        }
    }

    private func finished(_ id: String) { runs[id] = nil }

    /// The project, which must exist and not be running.
    private func idle(_ id: String) async throws -> ProjectRecord {
        guard let project = try await store.project(id) else { throw DirectorError.notFound("no project with id '\(id)'") }
        guard runs[id] == nil, project.status != .running else {
            throw DirectorError.conflict("project \(id) is running; wait for it to finish or stop")
        }
        return project
    }

    private func update(_ id: String, _ change: @escaping @Sendable (inout ProjectRecord) -> Void) async throws -> ProjectRecord {
        let project = try await store.updateProject(id, change)
        try await ProjectManifest(store: store, folder: ProjectFolder(project: id, settings: settings)).write(id)
        return project
    }

    // MARK: - Scripts

    struct Draft: Sendable {
        let script: DirectorScript
        /// `template`, `llm` or `file`.
        let source: String
        let note: String?
        let started: Date
    }

    /// The script from the user's file, else from the model when one is configured (the template,
    /// with the reason, when it fails), else the template.
    private func script(for options: ProjectOptions, request: CreateProjectRequest) async throws -> Draft {
        let started = Date()
        let template = ScriptTemplate.script(
            prompt: options.prompt, title: options.title, genre: options.genre, style: options.style, duration: options.duration)
        if let text = request.script {
            let script = try ScriptFile.script(text, name: request.scriptName ?? "the script")
            return Draft(script: Self.titled(script, options.title), source: "file", note: nil, started: started)
        }
        guard let scriptWriter else { return Draft(script: template, source: "template", note: nil, started: started) }
        let ask = """
            A music video: \(options.prompt)
            It lasts \(Int(options.duration)) seconds in all: the shots' seconds add up to that. Genre: \(options.genre.name) \
            (\(options.genre.character)). Look: \(options.style). Write 3 to 12 scenes, each described as a picture (time of day, \
            weather, landscape), each shot saying how the camera moves (zoom in, pan left, tilt up…), and lyrics with the second \
            each line is sung at and its section (verse, chorus, bridge).
            """
        let draft = await scriptWriter.write(ask) { template }
        return Draft(script: Self.titled(draft.script, options.title), source: draft.source.rawValue, note: draft.note, started: started)
    }

    private static func titled(_ script: DirectorScript, _ title: String?) -> DirectorScript {
        guard let title else { return script }
        return DirectorScript(title: title, scenes: script.scenes, lyrics: script.lyrics, credits: script.credits)
    }

    /// A script changed by an edit, held to the schema again.
    private static func checked(_ script: DirectorScript) throws -> DirectorScript {
        do {
            return try DirectorScript.validated(script.json)
        } catch .invalid(let field, let reason) {
            throw DirectorError.invalid(field: field, message: "\(field) \(reason)")
        } catch {
            throw DirectorError.invalid(field: "script", message: "\(error)")
        }
    }

    /// A readable id: the title's first words and six random hex digits (`sunrise-over-mountains-3f2a9c`).
    static func newID(_ title: String) -> String {
        let words = WordMatcher.tokenize(title).filter { $0.allSatisfy { $0.isASCII } }.prefix(5)
        let stem = words.joined(separator: "-")
        let tail = String(UInt32.random(in: 0...UInt32.max), radix: 16).padding(toLength: 8, withPad: "0", startingAt: 0).prefix(6)
        return (stem.isEmpty ? "project" : String(stem.prefix(48))) + "-" + tail
    }

    /// Whether `id` can name a project at all: lowercase letters, digits and dashes, never `..` or `/`.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2d }
    }
}
