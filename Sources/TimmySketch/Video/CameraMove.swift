import Foundation
import TimmyCore

/// How the camera moves through a clip: one of the video styles, or (over a given image) the
/// motion the prompt describes in words.
struct CameraMove: Sendable {
    enum Kind: Sendable, Equatable {
        case style(String)
        /// Motion words read from a prompt: zoom from/to, pan direction, shake, speed.
        case described(zoomFrom: Float, zoomTo: Float, travel: SIMD2<Float>, shake: Bool)
    }

    let kind: Kind
    let hash: SketchHash
    /// Whether black bars frame the picture (cinematic).
    var letterboxed: Bool { kind == .style("cinematic") }

    /// Whether a timelapse brings the day on (a dawn scene) rather than letting it go.
    let sunRises: Bool

    /// A move for a named style; `sunRises` turns a timelapse's sunset into a sunrise.
    init(style: String, seed: Int, sunRises: Bool = false) {
        kind = .style(style)
        hash = SketchHash(seed: seed).child(70)
        self.sunRises = sunRises
    }

    /// A move read from motion words: "slow zoom in", "pan left", "pull back", "tilt up", "handheld"…
    init(describing prompt: String, seed: Int) {
        let words = WordMatcher(prompt)
        let speed: Float = words.matches(["slow", "slowly", "gentle", "gently", "subtle"]).isEmpty ? 1 : 0.55
        let fast: Float = words.matches(["fast", "quick", "quickly", "rapid", "whip"]).isEmpty ? 1 : 1.7
        let amount = speed * fast
        var zoom: (Float, Float) = (1, 1 + 0.14 * amount)
        if !words.matches(["zoom out", "pull back", "pull out", "dolly out", "reveal", "widen"]).isEmpty { zoom = (1 + 0.2 * amount, 1) }
        var travel = SIMD2<Float>.zero
        if !words.matches(["pan left", "move left", "to the left", "track left"]).isEmpty { travel.x = -0.12 * amount }
        if !words.matches(["pan right", "move right", "to the right", "track right"]).isEmpty { travel.x = 0.12 * amount }
        if !words.matches(["tilt up", "rise", "rises", "crane up", "upward", "upwards"]).isEmpty { travel.y = -0.1 * amount }
        if !words.matches(["tilt down", "descend", "descends", "crane down", "downward", "downwards"]).isEmpty { travel.y = 0.1 * amount }
        if !words.matches(["drift", "drifts", "float", "floats", "glide"]).isEmpty, travel == .zero { travel = SIMD2(0.06, -0.03) * amount }
        let hasPanOrTilt = travel != .zero
        if hasPanOrTilt, words.matches(["zoom", "push in", "dolly in", "closer", "zoom in"]).isEmpty, zoom.0 == 1 { zoom = (1.12, 1.12) }
        let shake = !words.matches(["handheld", "shake", "shaky", "wobble"]).isEmpty
        kind = .described(zoomFrom: zoom.0, zoomTo: zoom.1, travel: travel, shake: shake)
        hash = SketchHash(seed: seed).child(71)
        sunRises = false
    }

    /// The camera at `progress` (0…1 through the clip), `time` seconds in.
    func state(progress p: Float, time t: Float) -> CameraState {
        let ease = p * p * (3 - 2 * p)
        var state = CameraState()
        state.layerShift["clouds"] = SIMD2(0.03 * p, 0)
        state.light = SIMD2(0.15 + 0.7 * ease, 0.25)
        state.lightStrength = 0.08
        switch kind {
        case .described(let zoomFrom, let zoomTo, let travel, let shake):
            state.zoom = zoomFrom + (zoomTo - zoomFrom) * ease
            state.pan = travel * (ease - 0.5)
            if shake { state.pan += handheld(t) }
            state.parallax = 0
        case .style(let style):
            apply(style, to: &state, p: p, ease: ease, t: t)
        }
        return state
    }

    private func apply(_ style: String, to state: inout CameraState, p: Float, ease: Float, t: Float) {
        switch style {
        case "anime":
            state.zoom = 1.04
            state.pan = SIMD2(0.09 - 0.18 * ease, 0)
            state.parallax = 1.6
            state.saturation = 0.25
        case "documentary":
            state.zoom = 1 + 0.04 * p
            state.pan = SIMD2(-0.05 + 0.1 * p, 0)
            state.parallax = 0.5
            state.saturation = -0.22
            state.lightStrength = 0.03
        case "abstract":
            state.zoom = 1.06 + 0.05 * sin(t * 1.3)
            state.hue = 55 * sin(p * 2 * .pi)
            state.parallax = 0
            state.layerShift = ["*": SIMD2(0.04 * sin(t * 1.7), 0.015 * cos(t * 1.1))]
            state.saturation = 0.2
        case "timelapse":
            state.zoom = 1.03
            state.layerShift["clouds"] = SIMD2(0.4 * p - 0.1, 0)
            // The sun keeps one way across the clip: down behind the land at dusk, up out of it at
            // dawn (a layer's shift moves the picture the other way).
            let sinking = sunRises ? 1 - p : p
            state.layerShift["light"] = SIMD2(0.25 * p - 0.12, 0.2 - 0.3 * sinking)
            state.brightness = 1.08 - 0.3 * sinking
            state.light = SIMD2(0.2 + 0.6 * p, 0.3)
            state.lightStrength = 0.12 * (1 - p)
        case "slow-motion":
            state.zoom = 1 + 0.03 * ease
            state.pan = SIMD2(0.01 * p, 0)
            state.parallax = 0.6
            state.layerShift["clouds"] = SIMD2(0.01 * p, 0)
        case "music-video":
            let beat = t * 2  // 120 beats a minute
            let pulse = exp(-(beat - beat.rounded(.down)) * 6)
            state.zoom = 1.04 + 0.05 * pulse
            // Each beat tints the picture a little warmer or cooler, never far from its own colours.
            state.hue = [0, 22, -18, 12][Int(beat) % 4]
            state.brightness = 1 + 0.12 * pulse
            state.saturation = 0.2
            state.parallax = 0.4
        case "vlog":
            state.zoom = 1.05 + 0.03 * ease
            state.pan = handheld(t)
            state.parallax = 0.3
        default:  // cinematic
            state.zoom = 1 + 0.12 * ease
            state.pan = SIMD2(0.035 * ease, -0.01 * ease)
            state.parallax = 1
            state.lightStrength = 0.12
        }
    }

    /// A hand-held wobble: a few slow, seeded sine waves.
    private func handheld(_ t: Float) -> SIMD2<Float> {
        var offset = SIMD2<Float>.zero
        for wave in 0..<3 {
            let frequency = hash.value(1, wave, in: 0.4...1.4) * Float(wave + 1)
            let phase = hash.value(2, wave, in: 0...6.283)
            offset.x += sin(t * frequency + phase) * 0.006 / Float(wave + 1)
            offset.y += cos(t * frequency * 1.3 + phase) * 0.005 / Float(wave + 1)
        }
        return offset
    }
}
