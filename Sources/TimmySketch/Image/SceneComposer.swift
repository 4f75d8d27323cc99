import Foundation

/// Composes a flat illustration from a reading of the prompt: a graded sky with its light, then
/// bands of land from far to near, each fading into haze with distance, then weather.
struct SceneComposer: Sendable {
    let reading: SceneReading
    let palette: ScenePalette
    let hash: SketchHash

    init(reading: SceneReading, seed: Int) {
        self.reading = reading
        hash = SketchHash(seed: seed)
        palette = ScenePalette(reading, hueShift: hash.value(90, 0, in: -9...9))
    }

    /// The view a framing asks for; `pan` shifts along the world (storyboard frames look around one place).
    func view(width: Int, height: Int, pan: Float = 0) -> SceneView {
        let (horizon, zoom): (Float, Float) =
            switch reading.framing {
            case .medium: (0.6, 1)
            case .wide: (0.64, 0.8)
            case .close: (0.56, 1.7)
            case .aerial: (0.36, 0.9)
            case .low: (0.78, 1.15)
            }
        return SceneView(width: width, height: height, horizon: horizon, zoom: zoom, center: worldCenter + pan)
    }

    /// The world position the camera faces by default, drawn from the seed.
    var worldCenter: Float { hash.value(91, 0, in: 0...40) }

    /// Every layer, back to front.
    var layers: [SceneLayer] {
        var layers = [SceneLayer(name: "sky", depth: 0, draw: drawSky)]
        if reading.sky.contains(.sun) || reading.sky.contains(.moon) { layers.append(SceneLayer(name: "light", depth: 0.04, draw: drawLight)) }
        if reading.sky.contains(.clouds) { layers.append(SceneLayer(name: "clouds", depth: 0.1, draw: drawClouds)) }
        for band in bands { layers.append(SceneLayer(name: band.name, depth: band.depth) { canvas, view in self.draw(band, on: &canvas, view) }) }
        if reading.sky.contains(.birds) { layers.append(SceneLayer(name: "birds", depth: 0.3, draw: drawBirds)) }
        return layers
    }

    // MARK: Sky

    private func drawSky(_ canvas: inout Canvas, _ view: SceneView) {
        let horizon = view.horizon
        canvas.fillVertical { t in
            let toHorizon = min(1, t / max(horizon, 0.01))
            return palette.skyTop.mix(palette.skyHorizon, pow(toHorizon, 1.7))
        }
        let light = lightPosition(in: view)
        if reading.time == .dawn || reading.time == .sunset {
            canvas.glow(view.x(light.u), view.y(0), radius: view.unit * 0.9, palette.glow, strength: 0.35)
        }
        if reading.sky.contains(.sun) || reading.sky.contains(.moon) {
            canvas.glow(view.x(light.u), view.y(light.v), radius: view.unit * 0.45, palette.glow, strength: reading.time == .night ? 0.12 : 0.3)
        }
        if reading.sky.contains(.stars) { drawStars(&canvas, view) }
    }

    private func drawStars(_ canvas: inout Canvas, _ view: SceneView) {
        let count = Int(Float(view.width * view.height) / 2600)
        let stars = hash.child(5)
        let horizonY = view.y(0)
        for index in 0..<count {
            let x = stars.unit(0, index) * Float(view.width)
            let y = stars.unit(1, index) * horizonY * 0.92
            let brightness = 0.35 + 0.65 * stars.unit(2, index) * (1 - y / horizonY)
            let radius = Float(view.height) / 1024 * (stars.unit(3, index) > 0.93 ? 1.9 : 0.9)
            canvas.fillCircle(x, y, radius, palette.light, opacity: brightness)
        }
    }

    /// Where the sun or moon stands in a view: low over the horizon at dawn and sunset, high by day
    /// and night. It is far away, so it keeps its place in the frame when the view pans.
    func lightPosition(in view: SceneView) -> (u: Float, v: Float) {
        let u = view.center + hash.value(92, 0, in: -0.45...0.45)
        switch reading.time {
        case .dawn, .sunset: return (u, -0.08)
        case .day: return (u, -0.42)
        case .night: return (u, -0.36)
        }
    }

    private func drawLight(_ canvas: inout Canvas, _ view: SceneView) {
        let light = lightPosition(in: view)
        let x = view.x(light.u)
        let y = view.y(light.v)
        let radius = view.unit * (reading.time == .day ? 0.07 : 0.09)
        if reading.sky.contains(.moon) && reading.time == .night {
            let offset = radius * 0.45
            canvas.fill(box: (x - radius - 1, y - radius - 1, x + radius + 1, y + radius + 1), color: palette.light) { px, py in
                Shape.circle(px, py, x, y, radius) * (1 - Shape.circle(px, py, x + offset, y - offset * 0.6, radius * 0.88))
            }
        } else {
            canvas.fillCircle(x, y, radius * 1.35, palette.light, opacity: 0.25)
            canvas.fillCircle(x, y, radius, palette.light)
        }
    }

    // MARK: Clouds and birds

    private func drawClouds(_ canvas: inout Canvas, _ view: SceneView) {
        let count: Int =
            switch reading.weather {
            case .clear: 2
            case .fog: 3
            case .cloudy, .snow: 6
            case .rain, .storm: 9
            }
        let heavy = reading.weather == .rain || reading.weather == .storm
        let clouds = hash.child(6)
        let span = Float(view.width) / view.unit
        // Clouds are spread over the whole canvas but never cut by its edge: a moving camera may
        // show what lies beyond, and half a cloud would give the layer away.
        for index in 0..<count {
            let u = view.u(0) + (Float(index) + clouds.value(0, index, in: 0.1...0.9)) / Float(count) * span
            let v = clouds.value(1, index, in: heavy ? -0.46 ... -0.2 : -0.42 ... -0.16)
            let size = clouds.value(2, index, in: heavy ? 0.09...0.16 : 0.05...0.11)
            let extent = size * view.unit * 6
            let left = view.x(u) - size * view.unit * 1.3
            guard left > 0, left + extent < Float(canvas.width) else { continue }
            drawCloud(&canvas, view, u: u, v: v, size: size, hash: clouds.child(UInt64(index + 1)))
        }
    }

    /// A flat cloud: overlapping puffs on a flat base, a lighter copy on top for its lit side.
    private func drawCloud(_ canvas: inout Canvas, _ view: SceneView, u: Float, v: Float, size: Float, hash puffs: SketchHash) {
        let count = 3 + Int(puffs.unit(0, 0) * 3)
        let unit = view.unit
        let baseY = view.y(v)
        let left = view.x(u)
        var discs: [(x: Float, y: Float, r: Float)] = []
        for index in 0..<count {
            let r = size * unit * puffs.value(1, index, in: 0.55...1.0) * (index == count / 2 ? 1.25 : 1)
            let x = left + Float(index) * size * unit * 0.9
            discs.append((x, baseY - r * 0.35, r))
        }
        let x0 = (discs.map { $0.x - $0.r }.min() ?? left) - 2
        let x1 = (discs.map { $0.x + $0.r }.max() ?? left) + 2
        let y0 = (discs.map { $0.y - $0.r }.min() ?? baseY) - 2
        let shadow = palette.cloud.mix(palette.skyTop, 0.25)
        for (color, lift) in [(shadow, Float(0)), (palette.cloud, size * unit * 0.18)] {
            canvas.fill(box: (x0, y0 - lift, x1, baseY), color: color, opacity: 0.96) { x, y in
                var cover: Float = 0
                for disc in discs { cover = max(cover, Shape.circle(x, y + lift, disc.x, disc.y, disc.r)) }
                return min(cover, min(1, max(0, baseY - lift * 1.5 - y + 0.5)))
            }
        }
    }

    private func drawBirds(_ canvas: inout Canvas, _ view: SceneView) {
        let birds = hash.child(7)
        let color = palette.shade.mix(palette.skyTop, 0.3)
        let anchorU = view.center + birds.value(0, 0, in: -0.4...0.2)
        for index in 0..<(4 + Int(birds.unit(1, 0) * 4)) {
            let x = view.x(anchorU + birds.value(2, index, in: 0...0.5))
            let y = view.y(birds.value(3, index, in: -0.45 ... -0.2))
            let span = view.unit * birds.value(4, index, in: 0.012...0.022)
            let stroke = max(1.2, view.unit * 0.0035)
            canvas.strokeLine(x - span, y - span * 0.5, x, y, width: stroke, color)
            canvas.strokeLine(x, y, x + span, y - span * 0.5, width: stroke, color)
        }
    }
}
