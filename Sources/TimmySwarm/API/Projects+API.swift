import Foundation
import TimmyAPI
import TimmyCore
import TimmyCreative
import TimmyDirector
import TimmyLLM
import TimmyStore

extension ProjectView {
    init(_ project: ProjectRecord, settings: Settings) {
        let folder = ProjectFolder(project: project.id, settings: settings)
        let assembled = FileManager.default.fileExists(atPath: folder.final.path)
        let subtitled = FileManager.default.fileExists(atPath: folder.subtitles.path)
        let keyframe = folder.keyframe(scene: 1)
        let drawn = FileManager.default.fileExists(atPath: keyframe.path)
        self.init(
            id: project.id, title: project.title, prompt: project.prompt, duration: project.duration, genre: project.genre, style: project.style,
            resolution: project.resolution, backend: project.backend, pauseAfter: project.pauseAfter, status: project.status,
            scriptSource: project.scriptSource, scriptNote: project.scriptNote, approved: project.approved, seed: project.seed,
            taskId: project.taskId, error: project.error, folder: folder.url.path, finalVideo: assembled ? folder.final.path : nil,
            subtitles: subtitled ? folder.subtitles.path : nil,
            finalURL: assembled ? MediaRoots.url(for: folder.final.path, settings: settings) : nil,
            folderURL: MediaRoots.url(for: folder.url.path, settings: settings),
            thumbnailURL: drawn ? MediaRoots.url(for: keyframe.path, settings: settings) : nil,
            createdAt: project.createdAt, updatedAt: project.updatedAt, finishedAt: project.finishedAt)
    }
}

extension StepView {
    init(_ step: StepRecord) {
        self.init(
            id: step.id ?? 0, kind: step.kind, scene: step.scene, ordinal: step.ordinal, status: step.status, persona: step.persona,
            backend: step.backend, inputs: step.inputs, outputs: step.outputs, jobIds: step.jobIds, error: step.error, startedAt: step.startedAt,
            finishedAt: step.finishedAt, durationMs: step.durationMs)
    }
}

extension DirectorScript.Line {
    init(_ line: LyricLineValue) { self.init(time: line.time, text: line.text, section: line.section) }
}

extension TimelineView {
    init(_ timeline: PlannedTimeline) {
        self.init(
            duration: timeline.duration, titleEnd: timeline.titleEnd, creditsStart: timeline.creditsStart, tempo: timeline.tempo, cuts: timeline.cuts,
            scenes: timeline.scenes.map { Span(scene: $0.scene, start: $0.start, end: $0.end) },
            lyrics: timeline.lyrics.map { LyricLineValue(time: $0.time, text: $0.text) })
    }
}
