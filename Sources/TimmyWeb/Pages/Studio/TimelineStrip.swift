import TimmyAPI
import TimmyCore

/// The film along the song: the waveform as the backdrop, the title card, each scene where its
/// clips run, a mark at each cut and at each sung line, and a scale in seconds. Places are
/// percentages of the film's length, so the strip fits any width.
struct TimelineStrip {
    struct Block {
        let label: String
        let href: String
        let left: String
        let width: String
        let span: String
        let thumbnail: String?
    }

    struct Mark {
        let left: String
        let time: String
        let text: String
        /// How a label lines up on its place: the scale's ends stay inside the strip.
        var anchor = "middle"
    }

    let length: String
    let tempo: String
    let waveform: String?
    let title: Block
    let credits: Block
    let scenes: [Block]
    let cuts: [Mark]
    let lyrics: [Mark]
    let ticks: [Mark]

    init(_ timeline: TimelineView, scenes frames: [StoryboardFrame], waveform: String?) {
        let duration = max(timeline.duration, 1)
        func place(_ second: Double) -> String { Format.seconds(min(max(second / duration, 0), 1) * 100) + "%" }
        func span(_ start: Double, _ end: Double) -> String { "\(Format.duration(start))–\(Format.duration(end))" }
        length = Format.duration(timeline.duration)
        tempo = "\(Int(timeline.tempo.rounded())) bpm"
        self.waveform = waveform
        title = Block(label: "Title", href: "#script", left: "0%", width: place(timeline.titleEnd), span: span(0, timeline.titleEnd), thumbnail: nil)
        credits = Block(
            label: "Credits", href: "#script", left: place(timeline.creditsStart), width: place(timeline.duration - timeline.creditsStart),
            span: span(timeline.creditsStart, timeline.duration), thumbnail: nil)
        let thumbnails = Dictionary(frames.map { ($0.scene, $0.thumbnail) }) { first, _ in first }
        scenes = timeline.scenes.map { scene in
            Block(
                label: "Scene \(scene.scene)", href: "#scene-\(scene.scene)", left: place(scene.start), width: place(scene.end - scene.start),
                span: span(scene.start, scene.end), thumbnail: thumbnails[scene.scene] ?? nil)
        }
        cuts = timeline.cuts.map { Mark(left: place($0), time: Format.seconds($0), text: "cut at \(Format.seconds($0)) s") }
        lyrics = timeline.lyrics.map { Mark(left: place($0.time), time: Format.duration($0.time), text: $0.text) }
        let step: Double = duration > 300 ? 60 : duration > 90 ? 30 : 10
        let seconds = Array(stride(from: 0, through: duration, by: step))
        ticks = seconds.map { second in
            Mark(
                left: place(second), time: Format.duration(second), text: "",
                anchor: second == 0 ? "start" : second == seconds.last && second > duration - step / 2 ? "end" : "middle")
        }
    }
}
