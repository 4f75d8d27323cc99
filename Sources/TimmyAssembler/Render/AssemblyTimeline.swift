import Foundation

/// An edit laid out in whole frames: where each clip starts, how long each card and cross-fade
/// is, and the length of the whole. The filter graph, the subtitle files and the checks of the
/// output all read these same figures.
struct AssemblyTimeline: Sendable {
    struct Clip: Sendable {
        let file: URL
        let frames: Int
        let hasAudio: Bool
        /// Seconds from the start of the final video.
        let start: Double
    }

    let fps: Int
    let titleFrames: Int
    let creditsFrames: Int
    let transitionFrames: Int
    let clips: [Clip]

    /// Lays out the clips (their probed files in edit order) and checks that each is long enough
    /// for its cross-fades and that every caption lies inside the video.
    init(edit: AssemblyEdit, clips probed: [(file: URL, info: MediaInfo)]) throws(AssemblyError) {
        fps = edit.fps
        let rate = Double(edit.fps)
        func frames(_ seconds: Double) -> Int { Int((seconds * rate).rounded()) }
        titleFrames = edit.title.map { frames($0.seconds) } ?? 0
        creditsFrames = edit.credits.map { frames($0.seconds) } ?? 0
        transitionFrames = probed.count > 1 ? frames(edit.transition) : 0
        var clips: [Clip] = []
        var start = titleFrames
        for (index, entry) in probed.enumerated() {
            let count = Int((entry.info.duration * rate + 1e-3).rounded(.down))
            let fades = (index > 0 ? 1 : 0) + (index < probed.count - 1 ? 1 : 0)
            guard entry.info.hasVideo, count >= 1 else {
                throw .invalid(field: "clips[\(index)]", reason: "'\(entry.file.path)' has no picture to show")
            }
            guard count > fades * transitionFrames else {
                throw .invalid(
                    field: "clips[\(index)]",
                    reason: String(
                        format: "is %.2f s long, too short for %d cross-fade(s) of %.2f s; use a longer clip or a shorter transition",
                        entry.info.duration, fades, edit.transition))
            }
            clips.append(Clip(file: entry.file, frames: count, hasAudio: entry.info.hasAudio, start: Double(start) / rate))
            start += count - transitionFrames
        }
        self.clips = clips
        let end = duration
        for (index, caption) in edit.captions.enumerated() where caption.end > end + 0.5 / rate {
            throw .invalid(
                field: "captions[\(index)].\(caption.start >= end ? "start" : "end")",
                reason: String(
                    format: "is past the end of the video (%.3f s; the edit plans %.3f s)", caption.start >= end ? caption.start : caption.end, end))
        }
    }

    /// Frames of the clips joined, their cross-fades overlapping.
    var clipFrames: Int { clips.reduce(0) { $0 + $1.frames } - transitionFrames * max(0, clips.count - 1) }
    var totalFrames: Int { titleFrames + clipFrames + creditsFrames }
    var duration: Double { Double(totalFrames) / Double(fps) }
    var transition: Double { Double(transitionFrames) / Double(fps) }
    var titleSeconds: Double { Double(titleFrames) / Double(fps) }
    var creditsStart: Double { Double(titleFrames + clipFrames) / Double(fps) }

    /// Seconds of clip `index`.
    func seconds(of index: Int) -> Double { Double(clips[index].frames) / Double(fps) }

    /// The text on the timeline: the title card, the captions by start time (the soft ones never
    /// drawn, and cut off at the end), the credits.
    func texts(_ edit: AssemblyEdit) -> [TimedText] {
        var texts: [TimedText] = []
        if let title = edit.title { texts.append(TimedText(start: 0, end: titleSeconds, role: .title, text: title.text)) }
        let all = edit.captions.map { ($0, edit.burnCaptions) } + edit.softCaptions.filter { $0.start < duration }.map { ($0, false) }
        let captions = all.enumerated().sorted { ($0.element.0.start, $0.offset) < ($1.element.0.start, $1.offset) }.map(\.element)
        texts += captions.map { TimedText(start: $0.0.start, end: min($0.0.end, duration), role: .caption, text: $0.0.text, drawn: $0.1) }
        if let credits = edit.credits { texts.append(TimedText(start: creditsStart, end: duration, role: .credits, text: credits.text)) }
        return texts
    }
}
