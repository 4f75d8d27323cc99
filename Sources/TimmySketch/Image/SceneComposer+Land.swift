import Foundation

/// A band of land (or the sea) between the sky and the viewer.
struct LandBand: Sendable {
    enum Detail: Sendable { case none, snowCaps, windows, water }

    let name: String
    let depth: Float
    let ridge: Ridge
    let hue: RGB
    var detail: Detail = .none
    /// When set, the land slopes down into the sea beyond this world position on the given side.
    var shore: (edge: Float, towardRight: Bool)? = nil
}

extension SceneComposer {
    private static let mountainHue = RGB(hex: 0x5b6f96)
    private static let hillHue = RGB(hex: 0x5f9150)
    private static let forestHue = RGB(hex: 0x2d5a3c)
    private static let sandHue = RGB(hex: 0xd9a860)
    private static let cityHue = RGB(hex: 0x4a5872)

    /// The bands the reading calls for, far to near.
    var bands: [LandBand] {
        let lands = reading.landforms
        let snowy = reading.weather == .snow
        let ground = snowy ? RGB(hex: 0xe9eef4) : (lands.contains(.desert) ? Self.sandHue : Self.hillHue)
        let shore: (edge: Float, towardRight: Bool)? =
            lands.contains(.sea) ? (worldCenter + hash.value(93, 0, in: -0.3...0.3), hash.unit(94, 0) > 0.5) : nil
        var bands: [LandBand] = []
        func ridge(_ form: Ridge.Form, _ base: Float, _ amplitude: Float, _ stream: UInt64) -> Ridge {
            Ridge(form: form, base: base, amplitude: amplitude, hash: hash.child(stream))
        }
        if lands.contains(.mountains) {
            bands.append(
                LandBand(
                    name: "far mountains", depth: 0.08, ridge: ridge(.peaks(spacing: 0.2), 0.0, 0.34, 20), hue: Self.mountainHue, detail: .snowCaps))
            bands.append(
                LandBand(
                    name: "mountains", depth: 0.4, ridge: ridge(.peaks(spacing: 0.28), 0.03, 0.22, 21),
                    hue: Self.mountainHue.mix(Self.forestHue, 0.25),
                    detail: snowy ? .snowCaps : .none, shore: shore))
            if !lands.contains(.hills) && !lands.contains(.forest) && !lands.contains(.sea) {
                bands.append(
                    LandBand(
                        name: "foothills", depth: 0.62, ridge: ridge(.rolling, 0.1, 0.06, 19), hue: Self.mountainHue.mix(ground, 0.6), shore: shore))
            }
        }
        if lands.contains(.skyline) {
            bands.append(
                LandBand(name: "far skyline", depth: 0.3, ridge: ridge(.blocks(spacing: 0.045), 0.005, 0.16, 22), hue: Self.cityHue, detail: .windows)
            )
            if !lands.contains(.sea) {
                // A nearer row of taller blocks fills the street level, so the city has depth, not a bare plain.
                bands.append(
                    LandBand(
                        name: "skyline", depth: 0.62, ridge: ridge(.blocks(spacing: 0.085), 0.16, 0.36, 18), hue: Self.cityHue.scaled(0.8),
                        detail: .windows))
            }
        }
        if lands.contains(.sea) {
            bands.append(LandBand(name: "sea", depth: 0.5, ridge: ridge(.rolling, 0, 0, 23), hue: palette.skyTop, detail: .water))
        }
        if lands.contains(.desert) {
            bands.append(LandBand(name: "far dunes", depth: 0.5, ridge: ridge(.dunes(spacing: 0.7), 0.03, 0.07, 24), hue: Self.sandHue, shore: shore))
            bands.append(LandBand(name: "dunes", depth: 0.7, ridge: ridge(.dunes(spacing: 1.0), 0.12, 0.1, 25), hue: Self.sandHue, shore: shore))
        }
        if lands.contains(.hills) || lands.contains(.forest) || lands.contains(.village) {
            bands.append(LandBand(name: "far hills", depth: 0.55, ridge: ridge(.rolling, 0.06, 0.07, 26), hue: ground, shore: shore))
            if lands.contains(.forest) {
                bands.append(
                    LandBand(name: "far trees", depth: 0.62, ridge: ridge(.trees(spacing: 0.022), 0.1, 0.05, 27), hue: Self.forestHue, shore: shore))
            }
            bands.append(LandBand(name: "hills", depth: 0.72, ridge: ridge(.rolling, 0.16, 0.08, 28), hue: ground, shore: shore))
        }
        if lands.contains(.village) {
            bands.append(
                LandBand(
                    name: "village", depth: 0.78, ridge: ridge(.houses(spacing: 0.075), 0.2, 0.11, 35), hue: RGB(hex: 0x7a5a4a), detail: .windows,
                    shore: shore))
        }
        if lands.contains(.forest) {
            bands.append(LandBand(name: "trees", depth: 0.85, ridge: ridge(.trees(spacing: 0.04), 0.24, 0.11, 29), hue: Self.forestHue, shore: shore))
        }
        let front =
            lands.contains(.sea) && !lands.contains(.hills)
            ? Self.sandHue : lands.contains(.skyline) ? RGB(hex: 0x2f3440) : ground.mix(Self.forestHue, 0.4)
        bands.append(LandBand(name: "foreground", depth: 1, ridge: ridge(.rolling, 0.34, 0.05, 30), hue: front, shore: shore))
        return bands
    }

    /// Draws one band: its body graded slightly lighter at the top, then its detail.
    func draw(_ band: LandBand, on canvas: inout Canvas, _ view: SceneView) {
        if case .water = band.detail { return drawSea(&canvas, view) }
        var surface = view.surface(band.ridge)
        if let shore = band.shore {
            for x in 0..<surface.count {
                let beyond = (view.u(Float(x) + 0.5) - shore.edge) * (shore.towardRight ? 1 : -1)
                if beyond > 0 { surface[x] += beyond * beyond * view.unit * 6 }
            }
        }
        let body = palette.land(band.hue, depth: band.depth)
        let top = body.mix(palette.haze, 0.12 * (1 - band.depth)).mix(palette.light, 0.06)
        let peak = surface.min() ?? 0
        let span = max(1, Float(canvas.height) - peak)
        canvas.fillBelow(surface) { y in top.mix(body, min(1, (y - peak) / span * 2.5)) }
        switch band.detail {
        case .snowCaps: drawSnowCaps(&canvas, view, band.ridge, body)
        case .windows: drawWindows(&canvas, view, band.ridge, bottom: band.ridge.base)
        case .none, .water: break
        }
    }

    /// White caps on the higher peaks, ending in a jagged line.
    private func drawSnowCaps(_ canvas: inout Canvas, _ view: SceneView, _ ridge: Ridge, _ body: RGB) {
        let snowline = view.y(ridge.base - ridge.amplitude * 0.62)
        let snow = RGB(hex: 0xf3f6fa).mix(palette.haze, 0.25).mix(body, reading.time == .night ? 0.5 : 0.1)
        let surface = view.surface(ridge)
        let phase = hash.value(31, 0, in: 0...6.283)
        let bottom = surface.indices.map { x -> Float in
            let jag = abs(sin(view.u(Float(x) + 0.5) * 90 + phase)) * view.unit * 0.014
            return min(snowline + jag, surface[x] + view.unit * 0.07)
        }
        canvas.fillBelow(surface, bottom: bottom) { _ in snow }
    }

    /// Lit windows at dusk and night, faint ones by day.
    private func drawWindows(_ canvas: inout Canvas, _ view: SceneView, _ ridge: Ridge, bottom: Float) {
        let lit = palette.darkness > 0.5
        let spacing = view.unit * (0.012 + 0.02 * ridge.amplitude)
        let size = spacing * 0.42
        let windows = hash.child(32)
        let horizonY = view.y(bottom)
        var x = (view.x(view.u(0)) / spacing).rounded(.down) * spacing + spacing / 2
        var column = 0
        while x < Float(canvas.width) {
            let top = view.y(ridge.height(at: view.u(x))) + spacing
            var y = top
            var row = 0
            while y < horizonY - spacing * 0.5 {
                let chance = windows.unit(UInt64(column & 0xffff), row)
                if chance < (lit ? 0.45 : 0.3) {
                    let color = lit ? palette.lamp : palette.haze
                    canvas.fillRect(x - size / 2, y, x + size / 2, y + size * 1.3, color, opacity: lit ? 0.9 : 0.35)
                }
                y += spacing * 1.5
                row += 1
            }
            x += spacing
            column += 1
        }
    }

    /// The sea: graded from the horizon down, a path of light under the sun or moon, and glints.
    private func drawSea(_ canvas: inout Canvas, _ view: SceneView) {
        let horizonY = view.y(0)
        let near = palette.skyTop.mix(palette.shade, 0.45)
        let far = palette.skyHorizon.mix(palette.haze, 0.3)
        let height = Float(canvas.height)
        canvas.fillBelow([Float](repeating: horizonY, count: canvas.width)) { y in
            far.mix(near, pow(max(0, y - horizonY) / max(1, height - horizonY), 0.6))
        }
        let glints = hash.child(33)
        let stroke = max(1, view.unit * 0.004)
        if reading.sky.contains(.sun) || reading.sky.contains(.moon) {
            let x = view.x(lightPosition(in: view).u)
            for index in 0..<28 {
                let depth = Float(index) / 28
                let y = horizonY + pow(depth, 1.4) * (height - horizonY) * 0.9 + stroke * 2
                let half = view.unit * (0.012 + 0.1 * depth) * glints.value(0, index, in: 0.4...1.0)
                let shift = glints.value(1, index, in: -0.5...0.5) * half
                canvas.strokeLine(x - half + shift, y, x + half + shift, y, width: stroke, palette.light, opacity: 0.55 * (1 - depth * 0.6))
            }
        }
        if reading.sky.contains(.boats) { drawBoats(&canvas, view) }
        for index in 0..<Int(Float(canvas.width) / 14) {
            let x = glints.unit(2, index) * Float(canvas.width)
            let depth = glints.unit(3, index)
            let y = horizonY + pow(depth, 1.6) * (height - horizonY)
            let half = view.unit * 0.008 * (0.5 + depth * 2)
            canvas.strokeLine(x - half, y, x + half, y, width: stroke, palette.skyHorizon, opacity: 0.3)
        }
    }

    /// Sailboats on the sea: a hull, a mast and a sail, smaller and hazier towards the horizon.
    private func drawBoats(_ canvas: inout Canvas, _ view: SceneView) {
        let boats = hash.child(34)
        for index in 0..<(1 + Int(boats.unit(0, 0) * 3)) {
            let depth = boats.value(1, index, in: 0.05...0.7)
            let size = view.unit * (0.025 + 0.06 * depth)
            let x = view.x(view.center + boats.value(2, index, in: -0.6...0.6))
            let y = view.y(0.01 + 0.2 * depth * depth)
            let color = palette.land(RGB(hex: 0x3a3f4b), depth: 0.3 + 0.7 * depth)
            canvas.strokeLine(x - size * 0.5, y, x + size * 0.5, y, width: size * 0.22, color)
            canvas.strokeLine(x, y, x, y - size * 1.1, width: max(1, size * 0.04), color)
            let sail = palette.cloud.mix(palette.haze, 0.3 * (1 - depth))
            canvas.fillTriangle(
                SIMD2(x + size * 0.05, y - size * 1.05), SIMD2(x + size * 0.05, y - size * 0.18), SIMD2(x + size * 0.6, y - size * 0.18), sail)
            canvas.fillTriangle(
                SIMD2(x - size * 0.05, y - size * 0.9), SIMD2(x - size * 0.05, y - size * 0.18), SIMD2(x - size * 0.4, y - size * 0.18),
                sail.scaled(0.9))
        }
    }
}
