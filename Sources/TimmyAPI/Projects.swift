import Foundation
import TimmyCore

/// `POST /api/creative/projects`: what to make. Only the prompt is required; the rest default as
/// docs/creative.md says (180 s, the genre the prompt names or pop, cinematic, `video_default_resolution`,
/// `creative_backend`).
public struct CreateProjectRequest: Sendable, Codable, Equatable {
    public let prompt: String
    public let title: String?
    /// Seconds, 30–900.
    public let duration: Double?
    public let genre: String?
    public let style: String?
    public let resolution: String?
    /// `auto`, `sketch` or `worker`.
    public let backend: String?
    /// `script` or `storyboard`: wait for approval after that step.
    public let pauseAfter: String?
    /// A script to use instead of writing one: the text of a JSON or YAML file.
    public let script: String?
    /// The script file's name, for error messages.
    public let scriptName: String?
    public let seed: Int?

    public init(
        prompt: String, title: String? = nil, duration: Double? = nil, genre: String? = nil, style: String? = nil, resolution: String? = nil,
        backend: String? = nil, pauseAfter: String? = nil, script: String? = nil, scriptName: String? = nil, seed: Int? = nil
    ) {
        self.prompt = prompt
        self.title = title
        self.duration = duration
        self.genre = genre
        self.style = style
        self.resolution = resolution
        self.backend = backend
        self.pauseAfter = pauseAfter
        self.script = script
        self.scriptName = scriptName
        self.seed = seed
    }
}

/// A lyric line: the second of the song it is sung at, its words and its part of the song.
public struct LyricLineValue: Sendable, Codable, Equatable {
    public let time: Double
    public let text: String
    /// `verse`, `chorus` or `bridge`.
    public let section: String?

    public init(time: Double, text: String, section: String? = nil) {
        self.time = time
        self.text = text
        self.section = section
    }
}

/// A new description for one scene (numbered from 1).
public struct SceneEdit: Sendable, Codable, Equatable {
    public let scene: Int
    public let description: String

    public init(scene: Int, description: String) {
        self.scene = scene
        self.description = description
    }
}

/// `PATCH /api/creative/projects/{id}/script`: scene descriptions, the lyrics, the title card and
/// the credits, changed while the project is not running. Absent fields are left as they are.
public struct EditProjectRequest: Sendable, Codable, Equatable {
    public let scenes: [SceneEdit]?
    /// All the lyrics, replacing the script's.
    public let lyrics: [LyricLineValue]?
    /// The title card's text.
    public let title: String?
    /// The closing credits' text; newlines start new lines.
    public let credits: String?

    public init(scenes: [SceneEdit]? = nil, lyrics: [LyricLineValue]? = nil, title: String? = nil, credits: String? = nil) {
        self.scenes = scenes
        self.lyrics = lyrics
        self.title = title
        self.credits = credits
    }
}

/// `POST /api/creative/projects/{id}/rerun-scene`: make one scene's keyframe again (and its clips
/// and the final video, past the approval gate), with a new seed and optionally a new description.
public struct RerunSceneRequest: Sendable, Codable, Equatable {
    /// The scene, from 1.
    public let scene: Int
    /// Drawn at random when absent.
    public let seed: Int?
    public let description: String?

    public init(scene: Int, seed: Int? = nil, description: String? = nil) {
        self.scene = scene
        self.seed = seed
        self.description = description
    }
}

/// A Creative Director project at a glance.
public struct ProjectView: Sendable, Codable, Equatable, Identifiable {
    public let id: String
    public let title: String
    public let prompt: String
    public let duration: Double
    public let genre: String
    public let style: String
    public let resolution: String
    public let backend: String
    public let pauseAfter: String?
    public let status: ProjectStatus
    /// `template`, `llm` or `file`.
    public let scriptSource: String
    /// Why the template was used when the model was asked and failed.
    public let scriptNote: String?
    public let approved: Bool
    public let seed: Int
    public let taskId: String?
    public let error: String?
    /// The project's folder (`creative_output_dir/{id}`).
    public let folder: String
    /// `final.mp4`, once assembled.
    public let finalVideo: String?
    /// `final.srt`, once assembled.
    public let subtitles: String?
    /// Where the server serves `final.mp4`.
    public let finalURL: String?
    /// Where the server serves the project's folder; a file's address is this and its path inside the folder.
    public let folderURL: String?
    /// The first scene's keyframe, once drawn: the project's picture in lists.
    public let thumbnailURL: String?
    public let createdAt: Date
    public let updatedAt: Date
    public let finishedAt: Date?

    public init(
        id: String, title: String, prompt: String, duration: Double, genre: String, style: String, resolution: String, backend: String,
        pauseAfter: String?, status: ProjectStatus, scriptSource: String, scriptNote: String?, approved: Bool, seed: Int, taskId: String?,
        error: String?,
        folder: String, finalVideo: String?, subtitles: String?, finalURL: String?, folderURL: String? = nil, thumbnailURL: String? = nil,
        createdAt: Date, updatedAt: Date, finishedAt: Date?
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
        self.status = status
        self.scriptSource = scriptSource
        self.scriptNote = scriptNote
        self.approved = approved
        self.seed = seed
        self.taskId = taskId
        self.error = error
        self.folder = folder
        self.finalVideo = finalVideo
        self.subtitles = subtitles
        self.finalURL = finalURL
        self.folderURL = folderURL
        self.thumbnailURL = thumbnailURL
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
    }
}

/// One step of a project: a keyframe or clip per row, or the script, music or assembly.
public struct StepView: Sendable, Codable, Equatable {
    public let id: Int64
    public let kind: StepKind
    /// The scene, from 1, for keyframes and clips.
    public let scene: Int?
    public let ordinal: Int
    public let status: StepStatus
    public let persona: String
    public let backend: String
    public let inputs: JSONValue
    /// The files made (`assets`: path, sha256, asset id, seed) and what later steps read.
    public let outputs: JSONValue
    public let jobIds: [String]
    public let error: String?
    public let startedAt: Date?
    public let finishedAt: Date?
    public let durationMs: Double?

    public init(
        id: Int64, kind: StepKind, scene: Int?, ordinal: Int, status: StepStatus, persona: String, backend: String, inputs: JSONValue,
        outputs: JSONValue,
        jobIds: [String], error: String?, startedAt: Date?, finishedAt: Date?, durationMs: Double?
    ) {
        self.id = id
        self.kind = kind
        self.scene = scene
        self.ordinal = ordinal
        self.status = status
        self.persona = persona
        self.backend = backend
        self.inputs = inputs
        self.outputs = outputs
        self.jobIds = jobIds
        self.error = error
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.durationMs = durationMs
    }
}

/// A project's film in seconds: the title card, where each scene's clips run, the cuts between
/// clips (on the music's beats) and where the song sings each line.
public struct TimelineView: Sendable, Codable, Equatable {
    /// Where one scene's clips run on the final video.
    public struct Span: Sendable, Codable, Equatable {
        public let scene: Int
        public let start: Double
        public let end: Double

        public init(scene: Int, start: Double, end: Double) {
            self.scene = scene
            self.start = start
            self.end = end
        }
    }

    public let duration: Double
    public let titleEnd: Double
    public let creditsStart: Double
    /// Beats per minute of the music.
    public let tempo: Double
    public let cuts: [Double]
    public let scenes: [Span]
    public let lyrics: [LyricLineValue]

    public init(duration: Double, titleEnd: Double, creditsStart: Double, tempo: Double, cuts: [Double], scenes: [Span], lyrics: [LyricLineValue]) {
        self.duration = duration
        self.titleEnd = titleEnd
        self.creditsStart = creditsStart
        self.tempo = tempo
        self.cuts = cuts
        self.scenes = scenes
        self.lyrics = lyrics
    }
}

/// A project with its script and every step.
public struct ProjectDetail: Sendable, Codable, Equatable {
    public let project: ProjectView
    /// The script: title, scenes with shots, lyrics with times, credits.
    public let script: JSONValue
    public let steps: [StepView]
    /// The film laid out in seconds; absent until the music's tempo is known.
    public let timeline: TimelineView?

    public init(project: ProjectView, script: JSONValue, steps: [StepView], timeline: TimelineView? = nil) {
        self.project = project
        self.script = script
        self.steps = steps
        self.timeline = timeline
    }
}

/// Projects, newest first.
public struct ProjectList: Sendable, Codable, Equatable {
    public let projects: [ProjectView]
    public let limit: Int

    public init(projects: [ProjectView], limit: Int) {
        self.projects = projects
        self.limit = limit
    }
}
