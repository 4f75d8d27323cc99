import Foundation

/// The top edge of a band of land, as a height at every horizontal position of an unbounded
/// world. Units: 1 is the picture's height; v is measured down from the horizon (negative is above).
struct Ridge: Sendable {
    enum Form: Sendable {
        /// Straight slopes between peaks: low-poly mountains.
        case peaks(spacing: Float)
        /// A sum of slow waves: hills.
        case rolling
        /// Crests with a steep lee side: dunes.
        case dunes(spacing: Float)
        /// Flat-topped blocks of varying height: a skyline.
        case blocks(spacing: Float)
        /// Pointed crowns standing on a rolling line: a tree line.
        case trees(spacing: Float)
        /// Small houses with pitched roofs: a village.
        case houses(spacing: Float)
    }

    let form: Form
    /// The mean line, and how far above it the edge may rise.
    let base: Float
    let amplitude: Float
    let hash: SketchHash

    /// The height (v) of the edge at world position u.
    func height(at u: Float) -> Float {
        switch form {
        case .peaks(let spacing): base - amplitude * peaks(u / spacing)
        case .rolling: base - amplitude * rolling(u)
        case .dunes(let spacing): base - amplitude * dunes(u / spacing)
        case .blocks(let spacing): base - amplitude * blocks(u / spacing)
        case .trees(let spacing): min(base - amplitude * 0.12 * rolling(u), base - amplitude * trees(u / spacing))
        case .houses(let spacing): min(base - amplitude * 0.1 * rolling(u), base - amplitude * houses(u / spacing))
        }
    }

    private func peaks(_ t: Float) -> Float {
        let cell = Int(t.rounded(.down))
        let (u0, h0) = vertex(cell)
        let (u1, h1) = vertex(cell + 1)
        let (uPrevious, hPrevious) = vertex(cell - 1)
        if t < u0 { return hPrevious + (h0 - hPrevious) * (t - uPrevious) / (u0 - uPrevious) }
        if t > u1 {
            let (u2, h2) = vertex(cell + 2)
            return h1 + (h2 - h1) * (t - u1) / (u2 - u1)
        }
        return h0 + (h1 - h0) * (t - u0) / (u1 - u0)
    }

    /// Peak i sits near u = i, alternating high peaks and lower saddles.
    private func vertex(_ index: Int) -> (Float, Float) {
        let position = Float(index) + hash.value(1, index, in: -0.3...0.3)
        let high = index % 2 == 0
        let height = high ? hash.value(2, index, in: 0.55...1.0) : hash.value(3, index, in: 0.15...0.5)
        return (position, height)
    }

    private func rolling(_ u: Float) -> Float {
        var sum: Float = 0
        for wave in 0..<3 {
            let frequency = hash.value(10, wave, in: 0.8...1.6) * Float(1 << wave) * 1.7
            let phase = hash.value(11, wave, in: 0...6.283)
            sum += sin(u * frequency + phase) / Float(1 << wave)
        }
        return 0.5 + sum * 0.3
    }

    private func dunes(_ t: Float) -> Float {
        let cell = t.rounded(.down)
        let f = t - cell
        let crest = hash.value(20, Int(cell), in: 0.55...0.8)
        let height = hash.value(21, Int(cell), in: 0.4...1.0)
        let shape = f < crest ? sin(f / crest * .pi / 2) : cos((f - crest) / (1 - crest) * .pi / 2)
        return height * shape * shape
    }

    private func blocks(_ t: Float) -> Float {
        let cell = Int(t.rounded(.down))
        let f = t - Float(cell)
        let gap = hash.value(30, cell, in: 0.0...0.25)
        let height = hash.value(31, cell, in: 0.25...1.0)
        if f > 1 - gap { return hash.value(32, cell, in: 0.1...0.35) }
        // A few towers carry a narrower top storey.
        if hash.unit(33, cell) > 0.7, f > 0.3, f < 0.6 - gap { return min(1.25, height + 0.15) }
        return height
    }

    /// Conifers: each a stack of three widening tiers, overlapping its neighbours.
    private func trees(_ t: Float) -> Float {
        var best: Float = 0
        let cell = Int(t.rounded(.down))
        for neighbour in (cell - 1)...(cell + 1) {
            let center = Float(neighbour) + hash.value(40, neighbour, in: 0.25...0.75)
            let height = hash.value(41, neighbour, in: 0.55...1.0)
            let distance = abs(t - center)
            for tier in 0..<3 {
                let apex = height * (1 - 0.26 * Float(tier))
                let halfWidth = height * (0.34 + 0.2 * Float(tier))
                if distance < halfWidth { best = max(best, apex * (1 - distance / halfWidth)) }
            }
        }
        return best
    }

    /// A house in most cells: walls, then a roof rising to a ridge over its middle.
    private func houses(_ t: Float) -> Float {
        let cell = Int(t.rounded(.down))
        guard hash.unit(50, cell) > 0.2 else { return 0 }
        let f = t - Float(cell)
        let left = hash.value(51, cell, in: 0.05...0.25)
        let right = 1 - hash.value(52, cell, in: 0.05...0.25)
        guard f > left, f < right else { return 0 }
        let walls = hash.value(53, cell, in: 0.35...0.6)
        let roof = hash.value(54, cell, in: 0.25...0.45)
        let middle = (left + right) / 2
        return walls + roof * (1 - abs(f - middle) / ((right - left) / 2))
    }
}
