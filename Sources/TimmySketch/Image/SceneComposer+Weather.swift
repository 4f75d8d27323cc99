import Foundation

extension SceneComposer {
    /// A band of fog or haze lying on the land, thickest just above the horizon.
    func drawFog(_ canvas: inout Canvas, _ view: SceneView) {
        let thickness: Float = reading.weather == .fog ? 0.85 : 0.4
        let center = view.y(0.02)
        let spread = view.unit * (reading.weather == .fog ? 0.22 : 0.1)
        for y in 0..<canvas.height {
            let distance = (Float(y) + 0.5 - center) / spread
            let amount = thickness * exp(-distance * distance)
            guard amount > 0.01 else { continue }
            for x in 0..<canvas.width { canvas.blend(x, y, palette.haze, amount) }
        }
    }

    /// Rain streaks, snowflakes or a lightning flash at `time` seconds: drawn over the finished
    /// picture (or each frame of a clip), where they fall at their own pace.
    func drawWeather(_ canvas: inout Canvas, unit: Float, time: Double) {
        let weather = hash.child(8)
        let width = Float(canvas.width)
        let height = Float(canvas.height)
        switch reading.weather {
        case .rain, .storm:
            let count = Int(width * height / 2200)
            let length = unit * 0.05
            let color = palette.skyHorizon.mix(RGB.white, 0.4)
            for index in 0..<count {
                let fall = Float(time) * unit * 1.6 + weather.unit(0, index) * (height + length)
                let y = fall.truncatingRemainder(dividingBy: height + length) - length
                let x = weather.unit(1, index) * (width + length * 0.3)
                canvas.strokeLine(x, y, x - length * 0.25, y + length, width: max(1, unit * 0.0022), color, opacity: 0.28)
            }
            if reading.weather == .storm, Int(time * 10) % 37 < 2 { drawLightning(&canvas, unit: unit, hash: weather) }
        case .snow:
            let count = Int(width * height / 1800)
            for index in 0..<count {
                let speed = 0.06 + 0.08 * weather.unit(2, index)
                let fall = Float(time) * unit * speed + weather.unit(3, index) * height
                let y = fall.truncatingRemainder(dividingBy: height)
                let sway = sin(Float(time) * 1.3 + Float(index)) * unit * 0.01
                let x = weather.unit(4, index) * width + sway
                canvas.fillCircle(x, y, unit * (0.002 + 0.003 * weather.unit(5, index)), RGB.white, opacity: 0.85)
            }
        case .clear, .cloudy, .fog: break
        }
    }

    private func drawLightning(_ canvas: inout Canvas, unit: Float, hash weather: SketchHash) {
        var x = Float(canvas.width) * weather.value(6, 0, in: 0.25...0.75)
        var y = Float(canvas.height) * 0.12
        let step = unit * 0.06
        for index in 0..<9 {
            let nx = x + weather.value(7, index, in: -1...1) * step * 0.7
            let ny = y + step
            canvas.strokeLine(x, y, nx, ny, width: max(1.5, unit * 0.006), RGB(hex: 0xf4f0ff), opacity: 0.95)
            (x, y) = (nx, ny)
        }
    }
}

extension SceneComposer {
    /// Motes of dust drifting slowly through the light (slow-motion clips).
    func drawMotes(_ canvas: inout Canvas, unit: Float, time: Double) {
        let motes = hash.child(9)
        let count = Int(Float(canvas.width * canvas.height) / 9000)
        for index in 0..<count {
            let drift = Float(time) * unit * 0.012
            let x = (motes.unit(0, index) * Float(canvas.width) + drift).truncatingRemainder(dividingBy: Float(canvas.width))
            let y = motes.unit(1, index) * Float(canvas.height) - drift * 0.4 + sin(Float(time) * 0.7 + Float(index)) * unit * 0.004
            canvas.fillCircle(x, y, unit * (0.0015 + 0.003 * motes.unit(2, index)), palette.light, opacity: 0.35 + 0.3 * motes.unit(3, index))
        }
    }
}
