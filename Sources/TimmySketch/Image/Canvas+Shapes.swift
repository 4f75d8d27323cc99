import Foundation

/// Flat shapes with anti-aliased edges: coverage comes from the distance to the edge.
extension Canvas {
    /// Fills every row with its colour from `colorAt(y / height)`.
    mutating func fillVertical(_ colorAt: (Float) -> RGB) {
        for y in 0..<height {
            let color = colorAt((Float(y) + 0.5) / Float(height))
            for x in 0..<width { blend(x, y, color, 1) }
        }
    }

    /// Fills below a surface: column x is covered from `surface[x]` (a y in pixels) down to
    /// `bottom[x]` (the canvas bottom when nil), the top edge softened by its true distance so steep
    /// slopes stay smooth.
    mutating func fillBelow(_ surface: [Float], bottom: [Float]? = nil, opacity: Float = 1, color colorAt: (Float) -> RGB) {
        for x in 0..<min(width, surface.count) {
            let top = surface[x]
            let floor = bottom?[x] ?? Float(height)
            guard floor > top else { continue }
            let left = surface[max(0, x - 1)]
            let right = surface[min(surface.count - 1, x + 1)]
            // The gentler side sets the edge's slope: a step (a building's wall) is one steep side and
            // one flat, and must not smear its coverage upward.
            let slope = min(abs(top - left), abs(right - top))
            let stretch = (1 + slope * slope).squareRoot()
            let start = max(0, Int((top - stretch).rounded(.down)))
            let end = min(height, Int(floor.rounded(.up)))
            guard start < end else { continue }
            for y in start..<end {
                let center = Float(y) + 0.5
                var coverage = min(1, max(0, (center - top) / stretch + 0.5))
                coverage *= min(1, max(0, floor - Float(y)))
                if coverage > 0 { blend(x, y, colorAt(center), coverage * opacity) }
            }
        }
    }

    /// Covers pixels inside a bounding box by a coverage function of the pixel centre.
    mutating func fill(box: (x0: Float, y0: Float, x1: Float, y1: Float), color: RGB, opacity: Float = 1, coverage: (Float, Float) -> Float) {
        let xs = Self.span(box.x0, box.x1, within: width)
        let ys = Self.span(box.y0, box.y1, within: height)
        guard !xs.isEmpty, !ys.isEmpty else { return }
        for y in ys {
            for x in xs {
                let amount = coverage(Float(x) + 0.5, Float(y) + 0.5)
                if amount > 0 { blend(x, y, color, min(1, amount) * opacity) }
            }
        }
    }

    mutating func fillCircle(_ cx: Float, _ cy: Float, _ radius: Float, _ color: RGB, opacity: Float = 1) {
        fill(box: (cx - radius - 1, cy - radius - 1, cx + radius + 1, cy + radius + 1), color: color, opacity: opacity) { x, y in
            Shape.circle(x, y, cx, cy, radius)
        }
    }

    /// A rectangle with soft fractional edges.
    mutating func fillRect(_ x0: Float, _ y0: Float, _ x1: Float, _ y1: Float, _ color: RGB, opacity: Float = 1) {
        fill(box: (x0, y0, x1, y1), color: color, opacity: opacity) { x, y in
            let across = min(1, max(0, min(x - x0 + 0.5, x1 - x + 0.5)))
            let down = min(1, max(0, min(y - y0 + 0.5, y1 - y + 0.5)))
            return across * down
        }
    }

    /// A straight stroke with round ends.
    mutating func strokeLine(_ ax: Float, _ ay: Float, _ bx: Float, _ by: Float, width lineWidth: Float, _ color: RGB, opacity: Float = 1) {
        let half = lineWidth / 2
        let box = (min(ax, bx) - half - 1, min(ay, by) - half - 1, max(ax, bx) + half + 1, max(ay, by) + half + 1)
        fill(box: box, color: color, opacity: opacity) { x, y in
            half - Shape.segmentDistance(x, y, ax, ay, bx, by) + 0.5
        }
    }

    /// A triangle with soft edges (sails, pennants).
    mutating func fillTriangle(_ a: SIMD2<Float>, _ b: SIMD2<Float>, _ c: SIMD2<Float>, _ color: RGB, opacity: Float = 1) {
        let box = (min(a.x, b.x, c.x) - 1, min(a.y, b.y, c.y) - 1, max(a.x, b.x, c.x) + 1, max(a.y, b.y, c.y) + 1)
        // Signed distances to each edge, positive inside whichever way the corners wind.
        let winding: Float = ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) < 0 ? -1 : 1
        func inside(_ p: SIMD2<Float>, _ from: SIMD2<Float>, _ to: SIMD2<Float>) -> Float {
            let edge = to - from
            let length = (edge.x * edge.x + edge.y * edge.y).squareRoot()
            return length > 0 ? winding * (edge.x * (p.y - from.y) - edge.y * (p.x - from.x)) / length : 0
        }
        fill(box: box, color: color, opacity: opacity) { x, y in
            let p = SIMD2(x, y)
            return min(1, max(0, min(inside(p, a, b), inside(p, b, c), inside(p, c, a)) + 0.5))
        }
    }

    /// Adds a soft round light around a point (sun glow, drifting light).
    mutating func glow(_ cx: Float, _ cy: Float, radius: Float, _ color: RGB, strength: Float) {
        let xs = Self.span(cx - radius, cx + radius, within: width)
        let ys = Self.span(cy - radius, cy + radius, within: height)
        guard !xs.isEmpty, !ys.isEmpty else { return }
        let inverse = 1 / (radius * radius)
        for y in ys {
            let dy = Float(y) + 0.5 - cy
            for x in xs {
                let dx = Float(x) + 0.5 - cx
                let falloff = 1 - (dx * dx + dy * dy) * inverse
                if falloff > 0 { add(x, y, color, strength * falloff * falloff) }
            }
        }
    }
}

extension Canvas {
    /// The pixel indices from `low` to `high` that lie on a side of `size` pixels (empty when none do).
    static func span(_ low: Float, _ high: Float, within size: Int) -> Range<Int> {
        guard low.isFinite, high.isFinite else { return 0..<0 }
        let start = Int(max(0, min(Float(size), low.rounded(.down))))
        let end = Int(max(0, min(Float(size), high.rounded(.up) + 1)))
        return start..<max(start, end)
    }
}

/// Coverage and distance helpers for shapes.
enum Shape {
    /// Coverage of a pixel centre by a disc, with a one-pixel soft edge.
    @inline(__always)
    static func circle(_ x: Float, _ y: Float, _ cx: Float, _ cy: Float, _ radius: Float) -> Float {
        let dx = x - cx
        let dy = y - cy
        return min(1, max(0, radius - (dx * dx + dy * dy).squareRoot() + 0.5))
    }

    /// Distance from a point to the segment a–b.
    @inline(__always)
    static func segmentDistance(_ x: Float, _ y: Float, _ ax: Float, _ ay: Float, _ bx: Float, _ by: Float) -> Float {
        let vx = bx - ax
        let vy = by - ay
        let length = vx * vx + vy * vy
        let t = length > 0 ? min(1, max(0, ((x - ax) * vx + (y - ay) * vy) / length)) : 0
        let dx = x - (ax + vx * t)
        let dy = y - (ay + vy * t)
        return (dx * dx + dy * dy).squareRoot()
    }
}
