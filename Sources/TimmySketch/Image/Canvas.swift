/// A picture being drawn: premultiplied RGBA in floats, row by row. Layers of a scene are drawn
/// on transparent canvases; a still is drawn on one opaque canvas.
struct Canvas: Sendable {
    let width: Int
    let height: Int
    /// r, g, b, a for each pixel, premultiplied by a.
    var pixels: [Float]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = [Float](repeating: 0, count: width * height * 4)
    }

    /// Blends `color` over the pixel with the given coverage (0…1).
    @inline(__always)
    mutating func blend(_ x: Int, _ y: Int, _ color: RGB, _ coverage: Float) {
        guard coverage > 0 else { return }
        let index = (y * width + x) * 4
        let keep = 1 - coverage
        pixels.withUnsafeMutableBufferPointer { p in
            p[index] = p[index] * keep + color.r * coverage
            p[index + 1] = p[index + 1] * keep + color.g * coverage
            p[index + 2] = p[index + 2] * keep + color.b * coverage
            p[index + 3] = p[index + 3] * keep + coverage
        }
    }

    /// Adds light to a pixel (a glow), keeping its alpha.
    @inline(__always)
    mutating func add(_ x: Int, _ y: Int, _ color: RGB, _ amount: Float) {
        let index = (y * width + x) * 4
        let alpha = pixels[index + 3]
        pixels[index] += color.r * amount * alpha
        pixels[index + 1] += color.g * amount * alpha
        pixels[index + 2] += color.b * amount * alpha
    }

    /// The picture as 8-bit RGB over black, with a fixed 4×4 ordered dither so gradients do not band.
    func rgb8() -> [UInt8] {
        var output = [UInt8](repeating: 0, count: width * height * 3)
        output.withUnsafeMutableBufferPointer { out in
            pixels.withUnsafeBufferPointer { p in
                for y in 0..<height {
                    for x in 0..<width {
                        let threshold = Self.bayer[(y & 3) * 4 + (x & 3)]
                        let source = (y * width + x) * 4
                        let target = (y * width + x) * 3
                        for channel in 0..<3 {
                            let value = p[source + channel] * 255 + threshold
                            out[target + channel] = UInt8(min(255, max(0, value)))
                        }
                    }
                }
            }
        }
        return output
    }

    /// Offsets in 0..<1 from a 4×4 Bayer matrix.
    private static let bayer: [Float] = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5].map { (Float($0) + 0.5) / 16 }
}
