import Foundation

/// A variation of an existing picture that keeps its content: a new crop (and sometimes a mirror),
/// a turned palette, and light falling from another side. `strength` scales every change.
struct ImageVariation: Sendable {
    let strength: Float
    let hash: SketchHash

    init(strength: Double, seed: Int, index: Int) {
        self.strength = Float(strength)
        hash = SketchHash(seed: seed).child(UInt64(index + 1))
    }

    /// What changed, for the sidecar.
    var changes: [String: Double] {
        ["zoom": Double(zoom), "hue_degrees": Double(hue), "saturation": Double(saturation), "light_angle_degrees": Double(lightAngle * 180 / .pi)]
    }

    private var zoom: Float { 1 + strength * hash.value(1, 0, in: 0.06...0.3) }
    private var mirrored: Bool { strength >= 0.35 && hash.unit(2, 0) > 0.5 }
    private var hue: Float { strength * hash.value(3, 0, in: -50...50) }
    private var saturation: Float { strength * hash.value(4, 0, in: -0.3...0.35) }
    private var lightAngle: Float { hash.value(5, 0, in: 0...6.283) }
    private var lightColor: RGB { hash.unit(6, 0) > 0.5 ? RGB(hex: 0xffb46b) : RGB(hex: 0x7fa8ff) }

    func apply(to source: Canvas) -> Canvas {
        var output = Canvas(width: source.width, height: source.height)
        let width = Float(source.width)
        let height = Float(source.height)
        let zoom = self.zoom
        let room = (1 - 1 / zoom) / 2
        let offsetX = hash.value(7, 0, in: -1...1) * room * width
        let offsetY = hash.value(8, 0, in: -1...1) * room * height
        let (hue, saturation, mirrored) = (self.hue, self.saturation, self.mirrored)
        let lightX = cos(lightAngle)
        let lightY = sin(lightAngle)
        let light = lightColor
        let lightAmount = 0.22 * strength
        for y in 0..<source.height {
            for x in 0..<source.width {
                let px = mirrored ? width - Float(x) - 0.5 : Float(x) + 0.5
                let sx = width / 2 + (px - width / 2) / zoom + offsetX
                let sy = height / 2 + (Float(y) + 0.5 - height / 2) / zoom + offsetY
                let value = source.sample(sx, sy)
                var color = RGB(value[0], value[1], value[2]).hueRotated(hue).saturated(saturation)
                let along = ((Float(x) / width - 0.5) * lightX + (Float(y) / height - 0.5) * lightY) + 0.5
                color = color.mix(light, lightAmount * max(0, along) * max(0, along)).scaled(1 - 0.12 * strength * max(0, 1 - along))
                output.blend(x, y, color.clamped, 1)
            }
        }
        return output
    }
}
