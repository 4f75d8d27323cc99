/// Reading a canvas between its pixels, for zooming, panning and resizing.
extension Canvas {
    /// The premultiplied colour at a point (pixel centres at half-integers), bilinear, clamped at the edges.
    @inline(__always)
    func sample(_ x: Float, _ y: Float) -> SIMD4<Float> {
        let fx = min(max(x - 0.5, 0), Float(width - 1))
        let fy = min(max(y - 0.5, 0), Float(height - 1))
        let x0 = Int(fx)
        let y0 = Int(fy)
        let x1 = min(x0 + 1, width - 1)
        let y1 = min(y0 + 1, height - 1)
        let tx = fx - Float(x0)
        let ty = fy - Float(y0)
        return pixels.withUnsafeBufferPointer { p in
            @inline(__always) func at(_ px: Int, _ py: Int) -> SIMD4<Float> {
                let i = (py * width + px) * 4
                return SIMD4(p[i], p[i + 1], p[i + 2], p[i + 3])
            }
            let top = at(x0, y0) + (at(x1, y0) - at(x0, y0)) * tx
            let bottom = at(x0, y1) + (at(x1, y1) - at(x0, y1)) * tx
            return top + (bottom - top) * ty
        }
    }

    /// This canvas resized to `width`×`height` by averaging the pixels each target pixel covers.
    func resized(width newWidth: Int, height newHeight: Int) -> Canvas {
        var result = Canvas(width: newWidth, height: newHeight)
        let scaleX = Float(width) / Float(newWidth)
        let scaleY = Float(height) / Float(newHeight)
        let taps = max(1, Int(max(scaleX, scaleY).rounded(.up)))
        for y in 0..<newHeight {
            for x in 0..<newWidth {
                var sum = SIMD4<Float>(repeating: 0)
                for dy in 0..<taps {
                    for dx in 0..<taps {
                        let sx = (Float(x) + (Float(dx) + 0.5) / Float(taps)) * scaleX
                        let sy = (Float(y) + (Float(dy) + 0.5) / Float(taps)) * scaleY
                        sum += sample(sx, sy)
                    }
                }
                let average = sum / Float(taps * taps)
                let index = (y * newWidth + x) * 4
                result.pixels[index] = average[0]
                result.pixels[index + 1] = average[1]
                result.pixels[index + 2] = average[2]
                result.pixels[index + 3] = average[3]
            }
        }
        return result
    }
}
