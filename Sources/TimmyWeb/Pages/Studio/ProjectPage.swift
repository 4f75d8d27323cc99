import Foundation
import TimmyAPI
import TimmyCore

/// `/creative/projects/{id}`: one project as the Director's pipeline builder shows it. The steps
/// from idea to final, the script editor while the project waits, the storyboard with a re-roll per
/// frame, the timeline over the song's waveform, every step's record, and the final video.
struct ProjectPage {
    /// One stage of the pipeline, as the stepper at the top shows it.
    struct Stage {
        let number: Int
        let label: String
        /// `done`, `current` or `pending`.
        let state: String
        let current: Bool
    }

    struct Option {
        let label: String
        let value: String
    }

    let id: String
    let title: String
    let prompt: String
    let status: String
    let statusLabel: String
    let running: Bool
    let stages: [Stage]
    let options: [Option]
    let note: String?
    let error: String?
    /// Why the last approve, resume or re-roll was refused (an edit's problem shows in the editor).
    let actionError: String?
    let taskHref: String?
    let taskShort: String
    let time: String
    let timestamp: String
    /// The project waits for approval: the script and the frames can still change.
    let awaiting: Bool
    let resumable: Bool
    let editor: ScriptEditor?
    let scenes: [StoryboardFrame]
    let hasFrames: Bool
    let timeline: TimelineStrip?
    let steps: [StepRow]
    let finalURL: String?
    let poster: String?
    let captionsURL: String
    let subtitlesURL: String?
    let newestEvent: String

    /// - Parameter error: why the last post to this page (an edit, a re-roll) was refused.
    init(_ service: any TimmyService, id: String, error: ServiceError? = nil, posted: [String: String]? = nil) async throws {
        newestEvent = try await LiveResume.point(service)
        let detail = try await service.project(id)
        let project = detail.project
        let files = ProjectFiles(detail)
        self.id = project.id
        title = project.title
        prompt = project.prompt
        status = project.status.rawValue
        statusLabel = project.status.rawValue.replacingOccurrences(of: "_", with: " ")
        running = project.status == .running
        awaiting = project.status == .awaitingApproval
        resumable = [.failed, .interrupted].contains(project.status)
        stages = Self.stages(detail)
        options = [
            Option(label: "Length", value: Format.duration(project.duration)), Option(label: "Genre", value: project.genre),
            Option(label: "Style", value: project.style), Option(label: "Resolution", value: project.resolution),
            Option(label: "Backend", value: project.backend), Option(label: "Pause after", value: project.pauseAfter ?? "none"),
            Option(label: "Script", value: project.scriptSource), Option(label: "Seed", value: String(project.seed)),
        ]
        note = project.scriptNote
        self.error = project.error
        taskHref = project.taskId.map(Format.taskPath)
        taskShort = project.taskId.map(Format.shortID) ?? ""
        time = Format.dateTime(project.createdAt)
        timestamp = Format.iso(project.createdAt)
        let editable = awaiting || (resumable && !project.approved)
        editor = editable ? ScriptEditor(detail.script, action: "\(ProjectCard.path(id))/script", posted: posted, error: error) : nil
        let frames = StoryboardFrame.frames(detail, files: files, editable: !running)
        scenes = frames
        actionError = editor == nil ? error?.description : nil
        hasFrames = !frames.isEmpty
        let waveform = files.song.flatMap { Previews.url(.waveform, of: $0) }
        timeline = detail.timeline.map { TimelineStrip($0, scenes: frames, waveform: waveform) }
        var jobs: [String: JobView] = [:]
        for step in detail.steps where step.status == .running {
            for job in step.jobIds { jobs[job] = try? await service.job(job).job }
        }
        steps = detail.steps.map { StepRow($0, files: files, jobs: jobs) }
        finalURL = project.finalURL
        poster = project.finalURL.flatMap { Previews.url(.thumbnail, of: $0) }
        captionsURL = "\(ProjectCard.path(id))/final.vtt"
        subtitlesURL = project.subtitles.flatMap(files.url)
    }

    /// The stage a project is at: the last one reached, every one before it done.
    private static func stages(_ detail: ProjectDetail) -> [Stage] {
        let done = Set(detail.steps.filter { $0.status == .done }.map(\.kind))
        let completed = detail.project.status == .completed
        let reached =
            if completed { 5 } else if detail.project.approved { 4 } else if done.contains(.storyboard) { 3 } else if done.contains(.script) {
                2
            } else { 1 }
        return ["The idea", "The script", "The storyboard", "Approve and render", "The final video"].enumerated().map { index, label in
            let number = index + 1
            let state = completed || number < reached ? "done" : number == reached ? "current" : "pending"
            return Stage(number: number, label: label, state: state, current: state == "current")
        }
    }
}

/// Where a project's files are served: a path inside its folder as an address under its `folderURL`.
struct ProjectFiles {
    let folder: String
    let folderURL: String?
    /// The song, once made.
    let song: String?

    init(_ detail: ProjectDetail) {
        folder = detail.project.folder
        folderURL = detail.project.folderURL
        let made = detail.steps.last { $0.kind == .music && $0.status == .done }.flatMap { StepRow.assets(of: $0).first?.path }
        song = made.flatMap { [folder, folderURL] in Self.url($0, folder: folder, folderURL: folderURL) }
    }

    /// The address of `path`, a file inside the project's folder; nil for one outside it.
    func url(_ path: String) -> String? { Self.url(path, folder: folder, folderURL: folderURL) }

    private static func url(_ path: String, folder: String, folderURL: String?) -> String? {
        guard let folderURL, path.hasPrefix(folder + "/") else { return nil }
        let relative = path.dropFirst(folder.count + 1).split(separator: "/")
        return folderURL + "/"
            + relative.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }.joined(separator: "/")
    }
}
