import Foundation
import Testing
import TimmySketch
import TimmyTestSupport

@Suite("The sketch's PNG encoder, read back by FFmpeg")
struct PNGEncoderTests {
    /// Flat bands, a gradient and seeded noise, so every row filter and both long and short matches occur.
    static func picture(width: Int, height: Int) -> [UInt8] {
        var state: UInt32 = 0x2545_f491
        var rgb: [UInt8] = []
        rgb.reserveCapacity(width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                state = state &* 1_664_525 &+ 1_013_904_223
                switch y * 3 / max(1, height) {
                case 0: rgb += [40, 90, 160]
                case 1: rgb += [UInt8(x * 255 / max(1, width - 1)), UInt8(y % 256), 200]
                default: rgb += [UInt8(state >> 24), UInt8(state >> 16 & 0xff), UInt8(state >> 8 & 0xff)]
                }
            }
        }
        return rgb
    }

    @Test("the same pixels come back, every chunk's CRC checked, at odd sizes too", arguments: [(1, 1), (97, 61), (640, 360)])
    func roundTrip(width: Int, height: Int) throws {
        let folder = try TemporaryDirectory("timmy-png")
        defer { folder.remove() }
        let rgb = Self.picture(width: width, height: height)
        let file = folder.file("picture.png")
        try Data(PNGEncoder.encode(rgb: rgb, width: width, height: height, text: [("Software", "Timmy test")])).write(to: file)
        let size = try MediaProbe.pngSize(file)
        #expect(size.width == width && size.height == height)
        let raw = folder.file("picture.rgb")
        try MediaProbe.run(
            "ffmpeg", ["-v", "error", "-err_detect", "crccheck+explode", "-i", file.path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-y", raw.path])
        #expect(try Data(contentsOf: raw) == Data(rgb))
    }
}
