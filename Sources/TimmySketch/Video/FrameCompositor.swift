import Foundation

/// Builds the frames of a clip: each layer of the scene sampled through the camera (nearer layers
/// travelling and magnifying more), then weather, a drifting light and the colour grade.
struct FrameCompositor: Sendable {
    struct Layer: Sendable {
        let name: String
        let depth: Float
        let canvas: Canvas
        /// Opaque layers (the sky, the land) repeat their edge beyond it; others show nothing there.
        let clampsAtEdges: Bool
        /// Rows that hold any paint, so empty sky above a ridge costs nothing.
        let rowHasPaint: [Bool]

        init(name: String, depth: Float, canvas: Canvas, clampsAtEdges: Bool) {
            self.name = name
            self.depth = depth
            self.canvas = canvas
            self.clampsAtEdges = clampsAtEdges
            rowHasPaint = (0..<canvas.height).map { y in
                stride(from: 3, to: canvas.width * 4, by: 4).contains { canvas.pixels[y * canvas.width * 4 + $0] > 0 }
            }
        }
    }

    let width: Int
    let height: Int
    let layers: [Layer]
    let move: CameraMove
    /// Weather falling over each frame, when the scene has any.
    let weather: (@Sendable (inout Canvas, Float, Double) -> Void)?

    /// The frame at `index` of `count`, at `fps`, as 8-bit RGB.
    func frame(_ index: Int, of count: Int, fps: Int) -> [UInt8] {
        let time = Float(index) / Float(fps)
        let state = move.state(progress: count > 1 ? Float(index) / Float(count - 1) : 0, time: time)
        var canvas = Canvas(width: width, height: height)
        for layer in layers { draw(layer, state, on: &canvas) }
        weather?(&canvas, Float(height), Double(time))
        grade(&canvas, state)
        if move.letterboxed { letterbox(&canvas) }
        canvas.text("SKETCH", x: 6, y: 6, scale: max(1, height / 360), RGB(hex: 0xffc857), opacity: 0.8)
        return canvas.rgb8()
    }

    private func draw(_ layer: Layer, _ state: CameraState, on canvas: inout Canvas) {
        let source = layer.canvas
        let relative = state.parallax == 0 ? 1 : 0.3 + state.parallax * layer.depth
        let zoom = 1 + (state.zoom - 1) * (state.parallax == 0 ? 1 : 0.6 + 0.8 * layer.depth)
        var shift = state.pan * relative + (state.layerShift[layer.name] ?? .zero)
        if let sway = state.layerShift["*"] { shift += sway * (layer.depth - 0.5) * 2 }
        let originX = Float(source.width) / 2 + shift.x * Float(width) - Float(width) / 2 / zoom
        let originY = Float(source.height) / 2 + shift.y * Float(height) - Float(height) / 2 / zoom
        let columns = (0..<width).map { Self.tap(originX + (Float($0) + 0.5) / zoom, size: source.width, clamps: layer.clampsAtEdges) }
        source.pixels.withUnsafeBufferPointer { texels in
            canvas.pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    guard let row = Self.tap(originY + (Float(y) + 0.5) / zoom, size: source.height, clamps: layer.clampsAtEdges),
                        layer.rowHasPaint[row.low] || layer.rowHasPaint[row.high]
                    else { continue }
                    let top = row.low * source.width * 4
                    let bottom = row.high * source.width * 4
                    var target = y * width * 4
                    for column in columns {
                        defer { target += 4 }
                        guard let column else { continue }
                        let a = top + column.low * 4
                        let b = top + column.high * 4
                        let c = bottom + column.low * 4
                        let d = bottom + column.high * 4
                        let alpha = lerp(lerp(texels[a + 3], texels[b + 3], column.t), lerp(texels[c + 3], texels[d + 3], column.t), row.t)
                        guard alpha > 0.002 else { continue }
                        let keep = 1 - alpha
                        for channel in 0..<3 {
                            let value = lerp(
                                lerp(texels[a + channel], texels[b + channel], column.t), lerp(texels[c + channel], texels[d + channel], column.t),
                                row.t)
                            out[target + channel] = out[target + channel] * keep + value
                        }
                        out[target + 3] = out[target + 3] * keep + alpha
                    }
                }
            }
        }
    }

    /// The two texels either side of a position and the weight of the second; nil outside a
    /// layer that does not repeat its edge.
    private static func tap(_ position: Float, size: Int, clamps: Bool) -> (low: Int, high: Int, t: Float)? {
        let p = position - 0.5
        if !clamps && (p < -0.5 || p > Float(size) - 0.5) { return nil }
        let clamped = min(max(p, 0), Float(size - 1))
        let low = Int(clamped)
        return (low, min(low + 1, size - 1), clamped - Float(low))
    }

    /// The drifting light, then hue, saturation and brightness.
    private func grade(_ canvas: inout Canvas, _ state: CameraState) {
        let light = RGB(hex: 0xffd9a0)
        let sigmaX = Float(width) * 0.35
        let sigmaY = Float(height) * 0.45
        let across = (0..<width).map { x in exp(-pow((Float(x) - state.light.x * Float(width)) / sigmaX, 2)) }
        let down = (0..<height).map { y in exp(-pow((Float(y) - state.light.y * Float(height)) / sigmaY, 2)) }
        let neutral = state.hue == 0 && state.saturation == 0 && state.brightness == 1
        for y in 0..<height {
            for x in 0..<width {
                let index = (y * width + x) * 4
                var color = RGB(canvas.pixels[index], canvas.pixels[index + 1], canvas.pixels[index + 2])
                if !neutral { color = color.hueRotated(state.hue).saturated(state.saturation).scaled(state.brightness) }
                let glow = state.lightStrength * across[x] * down[y]
                color = RGB(color.r + light.r * glow, color.g + light.g * glow, color.b + light.b * glow)
                canvas.pixels[index] = color.r
                canvas.pixels[index + 1] = color.g
                canvas.pixels[index + 2] = color.b
            }
        }
    }

    /// Black bars for a 2.39:1 picture.
    private func letterbox(_ canvas: inout Canvas) {
        let bar = max(0, (Float(height) - Float(width) / 2.39) / 2)
        guard bar >= 1 else { return }
        canvas.fillRect(0, 0, Float(width), bar, RGB.black)
        canvas.fillRect(0, Float(height) - bar, Float(width), Float(height), RGB.black)
    }
}

@inline(__always)
private func lerp(_ a: Float, _ b: Float, _ t: Float) -> Float { a + (b - a) * t }
