import TimmyCore
import TimmyLLM
import TimmyStore

/// A project's film laid out in seconds, as a page draws it: the title card, the scenes between it
/// and the credits with the cuts between their clips, and where the song sings each line. It is the
/// same cut plan the clips and the assembly are made from, so it is known once the music's tempo is.
public struct PlannedTimeline: Sendable, Equatable {
    /// Where one scene's clips run, from the start of its first to the end of its last.
    public struct Span: Sendable, Equatable {
        public let scene: Int
        public let start: Double
        public let end: Double
    }

    /// A lyric line at the second the song sings it.
    public struct Line: Sendable, Equatable {
        public let time: Double
        public let text: String
    }

    public let duration: Double
    public let titleEnd: Double
    public let creditsStart: Double
    public let tempo: Double
    /// Every cut between clips, each on (or a frame from) a beat.
    public let cuts: [Double]
    public let scenes: [Span]
    public let lyrics: [Line]

    /// Nil until the music step has recorded its tempo, or when the stored script does not validate.
    public init?(project: ProjectRecord, music: StepRecord?, settings: Settings) {
        guard let music, let song = Song(music.outputs), let script = try? DirectorScript.validated(project.script) else { return nil }
        let timeline = Timeline(project: project)
        let plan = CutPlan(script: script, body: timeline.body, tempo: song.tempo, transition: timeline.transition(settings), fps: ProjectWork.fps)
        let rate = Double(plan.fps)
        duration = timeline.duration
        titleEnd = timeline.title
        creditsStart = timeline.creditsStart
        tempo = song.tempo
        cuts = plan.cuts.map { Double($0) / rate }
        scenes = Dictionary(grouping: plan.clips, by: \.scene).sorted { $0.key < $1.key }.map { scene, clips in
            let start = clips.map(\.startFrame).min() ?? 0
            let end = clips.map { $0.startFrame + $0.frames }.max() ?? start
            return Span(scene: scene, start: Double(start) / rate, end: Double(end) / rate)
        }
        lyrics = song.phrases.map { $0.map { Line(time: $0.start, text: $0.text) } } ?? script.lyrics.map { Line(time: $0.time, text: $0.text) }
    }
}
