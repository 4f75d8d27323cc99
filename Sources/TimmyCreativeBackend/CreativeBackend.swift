import Foundation
import TimmyCore

/// What makes the media: the built-in `sketch` backend, or the model worker (a later issue).
/// A backend writes the file it is given and reports what it used; the tools around it validate
/// input, name files, write sidecars and report progress. Every operation may take long, reports
/// progress as it goes and stops at the next report once cancelled.
public protocol CreativeBackend: Sendable {
    /// `sketch` or `worker`, as recorded in sidecars and asset rows.
    var name: String { get }

    /// Draws one image to `file` (PNG).
    func image(_ request: ImageRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport

    /// Draws one variation of an existing image to each of `files` (PNG, the same size as the source),
    /// reading the source once; returns a report for each file, in order.
    func variations(_ request: VariationRequest, to files: [URL], progress: ToolProgress) async throws -> [RenderReport]

    /// Makes a song, an instrumental or a vocal stem to `file` (WAV, 44.1 kHz stereo, exactly the requested duration).
    func music(_ request: MusicRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport

    /// Makes a clip to `file` (MP4, H.264, yuv420p, faststart) from a prompt or over a source image.
    func video(_ request: VideoRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport
}

/// What a backend reports about one piece of work, for the sidecar.
public struct RenderReport: Sendable {
    /// The model that made it (`sketch` for the sketch backend).
    public let model: String
    /// Seconds spent in each named stage.
    public let timings: [String: Double]
    /// Backend-specific facts worth keeping (the song form, what the prompt was read as).
    public let details: [String: JSONValue]
    /// Extra files written beside the output (a MIDI file), kept with it.
    public let companions: [URL]

    public init(model: String, timings: [String: Double], details: [String: JSONValue] = [:], companions: [URL] = []) {
        self.model = model
        self.timings = timings
        self.details = details
        self.companions = companions
    }
}

/// One image from a prompt.
public struct ImageRequest: Sendable, Equatable {
    public var prompt: String
    public var negativePrompt: String?
    public var width: Int
    public var height: Int
    public var steps: Int
    public var seed: Int
    /// For a frame of a series (a storyboard): every scene of it and this frame's position, so
    /// every frame keeps one look and shows one world.
    public var series: Series?

    public struct Series: Sendable, Equatable {
        public var scenes: [String]
        public var index: Int

        public init(scenes: [String], index: Int) {
            self.scenes = scenes
            self.index = index
        }
    }

    public init(prompt: String, negativePrompt: String?, width: Int, height: Int, steps: Int, seed: Int, series: Series? = nil) {
        self.prompt = prompt
        self.negativePrompt = negativePrompt
        self.width = width
        self.height = height
        self.steps = steps
        self.seed = seed
        self.series = series
    }
}

/// Variations of an existing image: how far each may move from the source (0 barely, 1 freely). The
/// variations of one seed are a set: the n-th file is always the same picture for that seed.
public struct VariationRequest: Sendable, Equatable {
    public var source: URL
    public var strength: Double
    public var seed: Int

    public init(source: URL, strength: Double, seed: Int) {
        self.source = source
        self.strength = strength
        self.seed = seed
    }
}

/// A piece of music.
public struct MusicRequest: Sendable, Equatable {
    public enum Kind: String, Sendable { case song, instrumental, vocals }

    public var kind: Kind
    public var title: String?
    /// Lines of lyrics (songs and vocals).
    public var lyrics: String?
    /// A description (instrumentals).
    public var prompt: String?
    public var genre: Genre
    public var duration: Double
    public var tempo: Int
    public var language: SongLanguage
    public var seed: Int

    public init(
        kind: Kind, title: String?, lyrics: String?, prompt: String?, genre: Genre, duration: Double, tempo: Int, language: SongLanguage, seed: Int
    ) {
        self.kind = kind
        self.title = title
        self.lyrics = lyrics
        self.prompt = prompt
        self.genre = genre
        self.duration = duration
        self.tempo = tempo
        self.language = language
        self.seed = seed
    }
}

/// A clip from a prompt, or moving over a source image as the prompt describes.
public struct VideoRequest: Sendable, Equatable {
    public var prompt: String
    public var duration: Double
    public var width: Int
    public var height: Int
    public var fps: Int
    public var style: String?
    public var seed: Int
    public var source: URL?
    /// The FFmpeg encoder (`default_video_codec`).
    public var codec: String

    public init(prompt: String, duration: Double, width: Int, height: Int, fps: Int, style: String?, seed: Int, source: URL?, codec: String) {
        self.prompt = prompt
        self.duration = duration
        self.width = width
        self.height = height
        self.fps = fps
        self.style = style
        self.seed = seed
        self.source = source
        self.codec = codec
    }
}
