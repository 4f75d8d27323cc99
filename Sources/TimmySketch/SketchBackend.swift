import Foundation
import TimmyCore
import TimmyCreativeBackend

/// The built-in backend: no model, no GPU. Pictures are flat illustrations composed from the
/// prompt's words; music is an arrangement written as MIDI and played by FluidSynth, with
/// espeak-ng singing the lyrics; clips are camera moves over a sketch frame, encoded by FFmpeg.
/// Fast, repeatable for a seed, and labelled as a sketch everywhere. Every render computes on the
/// `ComputeExecutor`, whoever calls it, so the cooperative pool stays free.
public struct SketchBackend: CreativeBackend {
    public let name = "sketch"
    /// The model id recorded for its work.
    public static let model = "sketch"

    /// The General MIDI soundfont FluidSynth plays (Debian's fluid-soundfont-gm).
    let soundFont: String

    public init(soundFont: String = "/usr/share/sounds/sf2/FluidR3_GM.sf2") {
        self.soundFont = soundFont
    }
}

/// Times the stages of one piece of work.
struct StageClock: Sendable {
    private var last = ContinuousClock.now
    private(set) var laps: [String: Double] = [:]

    /// Records the time since the previous lap (or the start) under `name`.
    mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        let elapsed = now - last
        laps[name, default: 0] += elapsed.seconds
        last = now
    }
}
