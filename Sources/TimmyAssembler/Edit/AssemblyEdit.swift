import TimmyCore

/// Everything one finished video is made of: the clips in order and how they join, the song under
/// them, an opening title and closing credits, timed captions, and the frame it is delivered in.
/// Read from a JSON file (`AssemblyEdit.load`) or built in code; `Assembler.render` makes it with
/// one FFmpeg run.
public struct AssemblyEdit: Codable, Sendable, Equatable {
    /// The MP4 clips in order: paths inside the data folders, or video asset ids.
    public var clips: [String]
    /// Seconds of cross-fade between neighbouring clips; 0 is a hard cut.
    public var transition: Double
    /// The song under the whole video (a path inside the data folders, or a music asset id),
    /// trimmed or looped to the video's length; nil keeps the clips' own sound (`clip_audio`) or silence.
    public var music: String?
    /// Seconds the music fades in at the start and out at the end.
    public var audioFade: Double
    /// The music's integrated loudness target in LUFS (EBU R128, FFmpeg's loudnorm).
    public var loudness: Double
    /// A card before the first clip.
    public var title: Card?
    /// A card after the last clip.
    public var credits: Card?
    /// Timed text on the final timeline (the title card's seconds included).
    public var captions: [Caption]
    /// Whether the captions are also drawn into the picture; the soft subtitle track and the `.srt` are always written.
    public var burnCaptions: Bool
    /// Captions for the soft subtitle track and the `.srt` only, never drawn: what a one-video tool
    /// carries over from its source's subtitle track (already drawn there, if it was).
    public var softCaptions: [Caption]
    /// The delivery frame: `480p`, `720p`, `1080p`, each also `-9:16` or `-1:1` (see `VideoPreset`).
    public var preset: String
    /// The FFmpeg video encoder; nil is the `default_video_codec` setting.
    public var codec: String?
    /// Frames per second of the result.
    public var fps: Int
    /// Without music, whether the clips' own sound is kept (cross-faded with the pictures) rather than silence.
    public var clipAudio: Bool

    enum CodingKeys: String, CodingKey, CaseIterable {
        case clips, transition, music, title, credits, captions, preset, codec, fps, loudness
        case audioFade = "audio_fade"
        case burnCaptions = "burn_captions"
        case softCaptions = "soft_captions"
        case clipAudio = "clip_audio"
    }

    /// A full-frame card of text shown for some seconds.
    public struct Card: Codable, Sendable, Equatable {
        /// The words, newlines kept.
        public var text: String
        public var seconds: Double

        enum CodingKeys: String, CodingKey, CaseIterable { case text, seconds }

        public init(text: String, seconds: Double) {
            self.text = text
            self.seconds = seconds
        }
    }

    /// Text shown from `start` to `end`, in seconds on the final timeline.
    public struct Caption: Codable, Sendable, Equatable {
        public var start: Double
        public var end: Double
        public var text: String

        enum CodingKeys: String, CodingKey, CaseIterable { case start, end, text }

        public init(start: Double, end: Double, text: String) {
            self.start = start
            self.end = end
            self.text = text
        }
    }

    /// Defaults used when a value is not given.
    public enum Defaults {
        public static let audioFade = 2.0
        public static let loudness = -14.0
        public static let preset = "480p"
        public static let fps = 24
    }

    /// An edit in code; `transition` is usually `settings[.videoTransitionDuration]`.
    public init(
        clips: [String], transition: Double, music: String? = nil,
        audioFade: Double = Defaults.audioFade, loudness: Double = Defaults.loudness, title: Card? = nil, credits: Card? = nil,
        captions: [Caption] = [], burnCaptions: Bool = true, softCaptions: [Caption] = [], preset: String = Defaults.preset, codec: String? = nil,
        fps: Int = Defaults.fps,
        clipAudio: Bool = false
    ) {
        self.clips = clips
        self.transition = transition
        self.music = music
        self.audioFade = audioFade
        self.loudness = loudness
        self.title = title
        self.credits = credits
        self.captions = captions
        self.softCaptions = softCaptions
        self.burnCaptions = burnCaptions
        self.preset = preset
        self.codec = codec
        self.fps = fps
        self.clipAudio = clipAudio
    }
}
