import Foundation
import TimmyAssembler
import TimmyCore
import TimmyCreativeBackend
import TimmyLLM
import TimmyStore

/// One pass over a project's steps, in order: storyboard (Pixel), music (Lyra), clips (Reel),
/// assembly (Timmy), stopping at the approval gate. Each step row is made again only when what it
/// depends on (its `inputs`) changed, it did not finish, or its files no longer hash as recorded,
/// so the same pass serves a first run, a resume after a crash, an approval after edits and the
/// re-render of one scene.
///
/// Tasks or jobs: each step's call goes to the swarm's job queue as a job for the step's persona
/// (linked to the project's task when a task asked for the project), not as a task of its own. A
/// step has nothing to auction, since its persona is fixed by the tool, and it needs what the queue
/// gives and a task does not: progress, cancelling, the backend lanes that run two clips at once,
/// and the state a crash leaves (`interrupted`, retried with the seed kept). The script is written
/// in process (the model's calls recorded as model calls), and the assembly is whatever
/// `assemble_video` is: a job when it is queued, else a recorded call.
struct ProjectWork: Sendable {
    let id: String
    let store: Store
    let runner: any StepRunner
    let settings: Settings

    /// How a pass ended.
    enum Outcome: Sendable, Equatable {
        case completed, awaitingApproval
    }

    /// Frames per second of the clips and the final video.
    static let fps = 24

    func run() async throws -> Outcome {
        guard let project = try await store.project(id) else { throw DirectorError.notFound("no project with id '\(id)'") }
        let script = try DirectorScript.validated(project.script)
        let folder = ProjectFolder(project: id, settings: settings)
        let manifest = ProjectManifest(store: store, folder: folder)
        if project.pauseAfter == "script", !project.approved { return .awaitingApproval }
        try await storyboard(project, script, folder)
        try await manifest.write(id)
        if project.pauseAfter == "storyboard", !project.approved { return .awaitingApproval }
        let song = try await music(project, script, folder)
        try await manifest.write(id)
        let timeline = Timeline(project: project)
        let plan = CutPlan(
            script: script, body: timeline.body, tempo: song.tempo, transition: timeline.transition(settings), fps: Self.fps)
        let clips = try await self.clips(project, plan, folder)
        try await manifest.write(id)
        try await assemble(project, script, timeline, song: song, clips: clips, folder: folder)
        try await manifest.write(id)
        return .completed
    }

    // MARK: - Steps

    /// One keyframe per scene: one storyboard call for all of them the first time (one world, one
    /// look), a single image for a scene re-rolled or edited later.
    private func storyboard(_ project: ProjectRecord, _ script: DirectorScript, _ folder: ProjectFolder) async throws {
        let size = Self.keyframeSize(project.resolution)
        let wanted = script.scenes.enumerated().map { index, scene -> JSONValue in
            [
                "description": .string(scene.description), "seed": .int(project.sceneSeeds[String(index + 1)] ?? project.seed),
                "width": .int(size.width), "height": .int(size.height), "backend": .string(project.backend),
            ]
        }
        let rows = try await rows(.storyboard, count: wanted.count, inputs: wanted, project: project)
        let stale = try await staleIndices(rows, wanted)
        guard !stale.isEmpty else { return }
        let allFresh = stale.count == rows.count && wanted.allSatisfy { $0["seed"]?.intValue == project.seed }
        if allFresh {
            let sharedJob = Set(rows.map { $0.jobIds.last }).count == 1 ? rows.first?.jobIds.last : nil
            let resuming = rows.allSatisfy { $0.status != .done && $0.inputs.normalized == wanted[$0.ordinal - 1].normalized } ? sharedJob : nil
            let call = StepCall(
                tool: "generate_storyboard", persona: StepKind.storyboard.persona,
                arguments: [
                    "scenes": .array(script.scenes.map { .string($0.description) }), "width": .int(size.width), "height": .int(size.height),
                    "seed": .int(project.seed), "backend": .string(project.backend),
                ], taskID: project.taskId)
            try await perform(rows, inputs: wanted, call: call, resuming: resuming) { result in
                let frames = result.data["frames"]?.arrayValue?.compactMap(\.stringValue) ?? []
                return try await Array(rows.indices).asyncMap { index in
                    guard index < frames.count, let asset = result.assets.first(where: { $0.id == frames[index] }) else {
                        throw DirectorError.failed("generate_storyboard returned \(frames.count) frames for \(rows.count) scenes")
                    }
                    return try await place([asset], at: [folder.keyframe(scene: index + 1)])
                }
            }
            return
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in stale {
                let row = rows[index]
                let inputs = wanted[index]
                group.addTask {
                    let call = StepCall(
                        tool: "generate_image", persona: StepKind.storyboard.persona,
                        arguments: [
                            "prompt": .string(script.scenes[index].description), "width": .int(size.width), "height": .int(size.height),
                            "seed": inputs["seed"] ?? .null, "backend": .string(project.backend),
                        ], taskID: project.taskId)
                    try await perform([row], inputs: [inputs], call: call, resuming: resumable(row, inputs)) { result in
                        [try await place(Array(result.assets.prefix(1)), at: [folder.keyframe(scene: index + 1)])]
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// The song at the film's length (the tool's longest when the film is longer: the assembly
    /// loops it), with the lyrics and the genre's tempo; what the song reports of where it sings
    /// each line is kept for the captions.
    private func music(_ project: ProjectRecord, _ script: DirectorScript, _ folder: ProjectFolder) async throws -> Song {
        let tempo = Genre.named(project.genre)?.defaultTempo ?? 110
        let inputs: JSONValue = [
            "lyrics": .string(SongLyrics.text(script.lyrics)), "genre": .string(project.genre), "duration": .double(min(project.duration, 600)),
            "tempo": .int(tempo), "title": .string(script.title), "seed": .int(project.seed), "backend": .string(project.backend),
        ]
        let rows = try await rows(.music, count: 1, inputs: [inputs], project: project)
        if try await staleIndices(rows, [inputs]).isEmpty, let song = Song(rows[0].outputs) { return song }
        guard case .object(let arguments) = inputs else { throw DirectorError.failed("music inputs are not an object") }
        let call = StepCall(tool: "generate_song", persona: StepKind.music.persona, arguments: arguments, taskID: project.taskId)
        let done = try await perform(rows, inputs: [inputs], call: call, resuming: resumable(rows[0], inputs)) { result in
            guard let asset = result.assets.first(where: { $0.kind == .audio }) else { throw DirectorError.failed("generate_song made no audio") }
            var outputs = try await place([asset], at: [folder.song])
            let sidecar = JSONValue.parse((try? String(contentsOfFile: asset.sidecarPath, encoding: .utf8)) ?? "") ?? [:]
            outputs = Self.merging(
                outputs,
                [
                    "tempo": sidecar["parameters"]?["tempo"] ?? .int(tempo),
                    "backend": sidecar["backend"] ?? .string(project.backend),
                    "phrases": sidecar["details"]?["vocals"]?["phrases"] ?? .null,
                ])
            return [outputs]
        }
        guard let song = Song(done[0].outputs) else { throw DirectorError.failed("the music step recorded no song") }
        return song
    }

    /// A clip per span of the cut plan, from its scene's keyframe, all queued at once (the queue runs
    /// as many as the backend's lane allows).
    private func clips(_ project: ProjectRecord, _ plan: CutPlan, _ folder: ProjectFolder) async throws -> [StepRecord] {
        let keyframes = try await store.steps(project: id).filter { $0.kind == .storyboard }
        var keyframeOf: [Int: JSONValue] = [:]
        for row in keyframes { keyframeOf[row.ordinal] = row.outputs["assets"]?.arrayValue?.first }
        let wanted = plan.clips.enumerated().map { index, clip -> JSONValue in
            let sceneSeed = project.sceneSeeds[String(clip.scene)] ?? project.seed
            return [
                "scene": .int(clip.scene), "keyframe": keyframeOf[clip.scene]?["sha256"] ?? .null, "motion": .string(clip.motion),
                "frames": .int(clip.frames), "fps": .int(plan.fps), "resolution": .string(project.resolution),
                "seed": .int((sceneSeed + (index + 1) * 7919) % 4_294_967_296), "backend": .string(project.backend),
            ]
        }
        try await store.deleteSteps(project: id, kind: .clips, from: wanted.count + 1)
        folder.removeClips(after: wanted.count)
        let rows = try await rows(.clips, count: wanted.count, inputs: wanted, project: project, scenes: plan.clips.map(\.scene))
        let stale = try await staleIndices(rows, wanted)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in stale {
                let row = rows[index]
                let inputs = wanted[index]
                let clip = plan.clips[index]
                guard let image = keyframeOf[clip.scene]?["id"]?.stringValue ?? keyframeOf[clip.scene]?["path"]?.stringValue else {
                    throw DirectorError.failed("scene \(clip.scene) has no keyframe to animate")
                }
                group.addTask {
                    let call = StepCall(
                        tool: "image_to_video", persona: StepKind.clips.persona,
                        arguments: [
                            "image": .string(image), "prompt": .string(clip.motion), "duration": .double(plan.seconds(index)),
                            "resolution": .string(project.resolution), "fps": .int(plan.fps), "seed": inputs["seed"] ?? .null,
                            "backend": .string(project.backend),
                        ], taskID: project.taskId)
                    try await perform([row], inputs: [inputs], call: call, resuming: resumable(row, inputs)) { result in
                        [try await place(Array(result.assets.prefix(1)), at: [folder.clip(index + 1)])]
                    }
                }
            }
            try await group.waitForAll()
        }
        return try await store.steps(project: id).filter { $0.kind == .clips }
    }

    /// The edit written into the project folder, and `assemble_video` making `final.mp4` and
    /// `final.srt` from it in one FFmpeg run.
    private func assemble(
        _ project: ProjectRecord, _ script: DirectorScript, _ timeline: Timeline, song: Song, clips: [StepRecord], folder: ProjectFolder
    ) async throws {
        let captions = LyricCaptions.captions(phrases: song.phrases, script: script.lyrics, creditsStart: timeline.creditsStart)
        let credits = script.credits ?? Self.credits(script.title, backend: song.backend)
        let edit = AssemblyEdit(
            clips: clips.map { folder.clip($0.ordinal).path }, transition: timeline.transition(settings), music: folder.song.path,
            title: .init(text: script.title, seconds: timeline.title), credits: .init(text: credits, seconds: timeline.credits),
            captions: captions.map { AssemblyEdit.Caption(start: $0.start, end: $0.end, text: $0.text) }, burnCaptions: true,
            preset: project.resolution, fps: Self.fps)
        let inputs: JSONValue = [
            "edit": edit.json, "clips": .array(clips.map { $0.outputs["assets"]?.arrayValue?.first?["sha256"] ?? .null }),
            "music": song.sha256.map(JSONValue.string) ?? .null,
        ]
        let rows = try await rows(.assembly, count: 1, inputs: [inputs], project: project)
        guard try await !staleIndices(rows, [inputs]).isEmpty else { return }
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        try Data(edit.jsonText.utf8).write(to: folder.edit)
        let call = StepCall(
            tool: "assemble_video", persona: StepKind.assembly.persona,
            arguments: ["edit": .string(folder.edit.path), "output": .string(folder.final.path)], taskID: project.taskId)
        try await perform(rows, inputs: [inputs], call: call, resuming: resumable(rows[0], inputs)) { result in
            let files = [folder.final, folder.subtitles]
            let hashes = try await FileHash.sha256(files)
            guard let video = hashes[0] else { throw DirectorError.failed("assemble_video wrote no \(folder.final.path)") }
            var placed = [PlacedFile(path: folder.final.path, sha256: video, kind: "video")]
            placed[0].id = result.assets.first { $0.kind == .video }?.id
            if let srt = hashes[1] { placed.append(PlacedFile(path: folder.subtitles.path, sha256: srt, kind: "subtitles")) }
            return [["assets": .array(placed.map(\.json)), "captions": .int(captions.count), "summary": .string(result.summary)]]
        }
    }

    // MARK: - Rows

    /// The rows of a kind, 1 to `count`, made pending where missing.
    private func rows(
        _ kind: StepKind, count: Int, inputs: [JSONValue], project: ProjectRecord, scenes: [Int]? = nil
    ) async throws
        -> [StepRecord]
    {
        let existing = try await store.steps(project: id).filter { $0.kind == kind }
        var rows: [StepRecord] = []
        for ordinal in 1...max(1, count) where ordinal <= count {
            if var row = existing.first(where: { $0.ordinal == ordinal }) {
                let scene = scenes?[ordinal - 1] ?? (kind == .storyboard ? ordinal : nil)
                if row.scene != scene {
                    row.scene = scene
                    row = try await store.saveStep(row)
                }
                rows.append(row)
            } else {
                let scene = scenes?[ordinal - 1] ?? (kind == .storyboard ? ordinal : nil)
                let row = StepRecord(
                    projectId: id, kind: kind, scene: scene, ordinal: ordinal, backend: project.backend, inputs: inputs[ordinal - 1], at: Date())
                rows.append(try await store.saveStep(row))
            }
        }
        return rows
    }

    /// The rows to make again: not done, made from other inputs, or with files that no longer hash as recorded.
    private func staleIndices(_ rows: [StepRecord], _ wanted: [JSONValue]) async throws -> [Int] {
        let files = rows.map { row in (row.outputs["assets"]?.arrayValue ?? []).compactMap { $0["path"]?.stringValue } }
        let hashes = try await FileHash.sha256(files.flatMap { $0 }.map { URL(fileURLWithPath: $0) })
        var offset = 0
        var stale: [Int] = []
        for (index, row) in rows.enumerated() {
            let recorded = (row.outputs["assets"]?.arrayValue ?? []).map { $0["sha256"]?.stringValue }
            let current = Array(hashes[offset..<(offset + files[index].count)])
            offset += files[index].count
            let intact = !recorded.isEmpty && recorded.count == current.count && zip(recorded, current).allSatisfy { $0 != nil && $0 == $1 }
            if row.status != .done || row.inputs.normalized != wanted[index].normalized || !intact { stale.append(index) }
        }
        return stale
    }

    /// The job to pick up again for a row: its last, when it was started for these same inputs and the row did not finish.
    private func resumable(_ row: StepRecord, _ inputs: JSONValue) -> String? {
        row.status != .done && row.inputs.normalized == inputs.normalized ? row.jobIds.last : nil
    }

    /// Runs one call for some rows (a storyboard call serves every keyframe): each row is marked
    /// running with the call's job, then done with the outputs `finish` gives per row, or failed
    /// with the reason; a shutdown leaves them interrupted.
    @discardableResult
    private func perform(
        _ rows: [StepRecord], inputs: [JSONValue], call: StepCall, resuming: String?,
        finish: @escaping @Sendable (StepResult) async throws -> [JSONValue]
    ) async throws -> [StepRecord] {
        var running: [StepRecord] = []
        for (index, row) in rows.enumerated() {
            var row = row
            row.status = .running
            row.inputs = inputs[index]
            row.error = nil
            row.startedAt = Date()
            row.finishedAt = nil
            running.append(try await store.saveStep(row))
        }
        let ids = running.compactMap(\.id)
        do {
            let result = try await runner.run(call, resuming: resuming) { job in
                for id in ids { try await store.addStepJob(id, job) }
            }
            let outputs = try await finish(result)
            var done: [StepRecord] = []
            for (index, id) in ids.enumerated() {
                guard var row = try await store.step(id) else { continue }
                row.status = .done
                row.outputs = outputs[index]
                row.backend = outputs[index]["backend"]?.stringValue ?? Self.backend(of: result) ?? row.backend
                row.finishedAt = Date()
                done.append(try await store.saveStep(row))
            }
            return done
        } catch {
            let interrupted = error is CancellationError || Task.isCancelled
            for id in ids {
                guard var row = try await store.step(id) else { continue }
                row.status = interrupted ? .interrupted : .failed
                row.error = interrupted ? "interrupted by shutdown" : "\(error)"
                row.finishedAt = Date()
                try await store.saveStep(row)
            }
            throw error
        }
    }

    /// Links the made files into the project folder and records their hashes.
    private func place(_ assets: [StepAsset], at destinations: [URL]) async throws -> JSONValue {
        guard assets.count == destinations.count else { throw DirectorError.failed("the call made \(assets.count) files, not \(destinations.count)") }
        let folder = ProjectFolder(project: id, settings: settings)
        for (asset, destination) in zip(assets, destinations) { try folder.place(URL(fileURLWithPath: asset.path), at: destination) }
        let hashes = try await FileHash.sha256(destinations)
        let placed = zip(zip(assets, destinations), hashes).map { pair, hash in
            PlacedFile(path: pair.1.path, sha256: hash ?? "", id: pair.0.id, seed: pair.0.seed, kind: pair.0.kind.rawValue)
        }
        return ["assets": .array(placed.map(\.json)), "sources": .array(assets.map { .string($0.path) })]
    }

    private static func merging(_ value: JSONValue, _ extra: [String: JSONValue]) -> JSONValue {
        guard case .object(var object) = value else { return value }
        for (key, item) in extra where item != .null { object[key] = item }
        return .object(object)
    }

    /// The backend a creative result says ran.
    private static func backend(of result: StepResult) -> String? { result.data["backend"]?.stringValue }

    /// The keyframes' size for a resolution: the frame's, at multiples of 16 (854 → 864).
    static func keyframeSize(_ resolution: String) -> (width: Int, height: Int) {
        resolution == "720p" ? (1280, 720) : (864, 480)
    }

    /// The closing card when the script names none: the title, who made what, and with what.
    static func credits(_ title: String, backend: String) -> String {
        let made = backend == "sketch" ? "Made with the sketch backend: a procedural draft, no model." : "Made with the \(backend) backend."
        return "\(title)\n\nDirected by Timmy\nStoryboard by Pixel · Music by Lyra · Clips by Reel\n\(made)"
    }
}

extension Array {
    /// `transform` applied to each element in turn, awaiting each.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
