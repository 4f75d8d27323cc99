import TimmyCore
import TimmyStore

/// The final video's frame of time: the title card, the picture between it and the credits, the
/// credits; the music runs under all of it from 0. Cards are four and five seconds (less in short
/// films), in whole frames.
struct Timeline: Sendable {
    let duration: Double
    let title: Double
    let credits: Double

    init(project: ProjectRecord) {
        duration = project.duration
        let rate = Double(ProjectWork.fps)
        title = (min(4, duration * 0.08) * rate).rounded() / rate
        credits = (min(5, duration * 0.1) * rate).rounded() / rate
    }

    var creditsStart: Double { duration - credits }
    var body: ClosedRange<Double> { title...creditsStart }

    /// Seconds of each cross-fade: the `video_transition_duration` setting.
    func transition(_ settings: Settings) -> Double { settings[.videoTransitionDuration] }
}

/// The music step's outputs as the later steps read them.
struct Song: Sendable {
    let sha256: String?
    let tempo: Double
    let backend: String
    /// Where the song sings each line, when it says (the sketch does).
    let phrases: [LyricCaptions.Phrase]?

    init?(_ outputs: JSONValue) {
        guard let tempo = outputs["tempo"]?.doubleValue, tempo > 0 else { return nil }
        self.tempo = tempo
        sha256 = outputs["assets"]?.arrayValue?.first?["sha256"]?.stringValue
        backend = outputs["backend"]?.stringValue ?? "unknown"
        phrases = outputs["phrases"]?.arrayValue.map { items in
            items.compactMap { item in
                guard let text = item["line"]?.stringValue, let start = item["start"]?.doubleValue else { return nil }
                return LyricCaptions.Phrase(text: text, start: start, length: item["length"]?.doubleValue ?? 2)
            }
        }
    }
}
