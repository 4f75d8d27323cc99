import TimmyLLM

/// Where the picture cuts: the script's shots laid over the film between the title card and the
/// credits, in proportion to their seconds, each cut moved to the nearest beat of the music and
/// to a whole frame; a shot longer than a clip may be is split on beats. Each cut is the middle of
/// a cross-fade, so a clip runs half a cross-fade past each of its cuts, and the clips' lengths,
/// less their overlaps, add up to the film's body exactly, frame for frame.
public struct CutPlan: Sendable, Equatable {
    public struct Clip: Sendable, Equatable {
        /// The scene (from 1) whose keyframe it moves over.
        public let scene: Int
        /// The shot's words, which say how the camera moves.
        public let motion: String
        /// Frames of the clip, cross-fades included.
        public let frames: Int
        /// Where the clip starts on the final timeline, in frames.
        public let startFrame: Int
    }

    public let fps: Int
    public let clips: [Clip]
    /// The cuts, in frames of the final timeline, each on (or a frame from) a beat.
    public let cuts: [Int]

    /// Longest and shortest clip `image_to_video` makes, in seconds.
    static let clipSeconds: ClosedRange<Double> = 1...10

    /// - Parameters:
    ///   - body: the seconds between the end of the title card and the start of the credits.
    ///   - tempo: beats per minute of the music, whose first beat is at 0.
    ///   - transition: seconds of each cross-fade.
    public init(script: DirectorScript, body: ClosedRange<Double>, tempo: Double, transition: Double, fps: Int) {
        self.fps = fps
        let rate = Double(fps)
        let fade = Int((transition * rate).rounded())
        let first = Int((body.lowerBound * rate).rounded())
        let last = Int((body.upperBound * rate).rounded())
        let beat = 60 / tempo
        // The longest span between cuts that still leaves a clip within the limit after snapping to beats.
        let longest = Self.clipSeconds.upperBound - transition - beat
        let shortest = max(1.5, transition + 0.5)
        let shots = script.scenes.enumerated().flatMap { index, scene in scene.shots.map { (scene: index + 1, shot: $0) } }
        let total = shots.reduce(0) { $0 + $1.shot.seconds }
        let scale = (body.upperBound - body.lowerBound) / max(total, 1e-9)
        // Ideal spans: each shot scaled; one too short joins the next, one too long is split in equal parts.
        var spans: [(scene: Int, motion: String, length: Double)] = []
        var pending: (scene: Int, motion: String, length: Double)?
        for entry in shots {
            var span = pending ?? (entry.scene, entry.shot.description, 0)
            span.length += entry.shot.seconds * scale
            guard span.length >= shortest else {
                pending = span
                continue
            }
            pending = nil
            let parts = max(1, Int((span.length / longest).rounded(.up)))
            spans += Array(repeating: (span.scene, span.motion, span.length / Double(parts)), count: parts)
        }
        if let pending {
            if spans.isEmpty { spans.append(pending) } else { spans[spans.count - 1].length += pending.length }
        }
        // Each inner cut on the nearest beat, unless that squeezes a clip too short for its fades; then on the nearest frame.
        let minimum = transition + 0.25
        var cuts: [Int] = []
        var end = body.lowerBound
        for span in spans.dropLast() {
            end += span.length
            let previous = Double(cuts.last ?? first) / rate
            let onBeat = ((end / beat).rounded() * beat * rate).rounded()
            let onFrame = (end * rate).rounded()
            let cut = onBeat / rate - previous >= minimum && Double(last) / rate - onBeat / rate >= minimum ? onBeat : onFrame
            cuts.append(Int(cut))
        }
        // A cut is the middle of its cross-fade: a clip starts half a fade before its first cut and ends half after its last.
        let lead = fade / 2
        self.clips = spans.enumerated().map { index, span in
            let start = index == 0 ? first : cuts[index - 1] - lead
            let end = index == cuts.count ? last : cuts[index] + (fade - lead)
            return Clip(scene: span.scene, motion: span.motion, frames: end - start, startFrame: start)
        }
        self.cuts = cuts
    }

    /// Seconds of clip `index`.
    public func seconds(_ index: Int) -> Double { Double(clips[index].frames) / Double(fps) }
}
