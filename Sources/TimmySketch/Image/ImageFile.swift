import Foundation
import TimmyCreativeBackend

/// Reads any image FFmpeg understands (PNG, JPEG, WebP…) as 8-bit RGB, for variations and
/// image-to-video.
struct ImageFile: Sendable {
    let width: Int
    let height: Int
    let rgb: [UInt8]

    /// The largest picture read, in pixels per side.
    static let maxSide = 4096

    /// Reads an image scaled to exactly `width`×`height` (thumbnails), with FFmpeg doing the scaling.
    static func read(_ url: URL, scaledTo width: Int, _ height: Int) async throws -> ImageFile {
        let rgb = try await MediaProcess(
            "ffmpeg",
            [
                "-v", "error", "-i", url.path, "-frames:v", "1", "-vf", "scale=\(width):\(height):flags=area", "-f", "rawvideo", "-pix_fmt", "rgb24",
                "-",
            ],
            timeout: .seconds(60), outputLimit: width * height * 3 + 1024
        ).run()
        guard rgb.count == width * height * 3 else {
            throw CreativeError.unreadableImage(path: url.path, reason: "decoded \(rgb.count) bytes, expected \(width * height * 3)")
        }
        return ImageFile(width: width, height: height, rgb: rgb)
    }

    static func read(_ url: URL) async throws -> ImageFile {
        let probe = try await MediaProcess(
            "ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", url.path],
            timeout: .seconds(30)
        ).run()
        let fields = String(decoding: probe, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").compactMap {
            Int($0)
        }
        guard fields.count == 2, fields.allSatisfy({ (1...maxSide).contains($0) }) else {
            throw CreativeError.unreadableImage(path: url.path, reason: "not an image of at most \(maxSide)×\(maxSide) pixels")
        }
        let (width, height) = (fields[0], fields[1])
        let rgb = try await MediaProcess(
            "ffmpeg", ["-v", "error", "-i", url.path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
            timeout: .seconds(60), outputLimit: width * height * 3 + 1024
        ).run()
        guard rgb.count == width * height * 3 else {
            throw CreativeError.unreadableImage(path: url.path, reason: "decoded \(rgb.count) bytes, expected \(width * height * 3)")
        }
        return ImageFile(width: width, height: height, rgb: rgb)
    }

    /// The picture as an opaque canvas.
    var canvas: Canvas {
        var canvas = Canvas(width: width, height: height)
        canvas.pixels.withUnsafeMutableBufferPointer { out in
            rgb.withUnsafeBufferPointer { source in
                for index in 0..<(width * height) {
                    out[index * 4] = Float(source[index * 3]) / 255
                    out[index * 4 + 1] = Float(source[index * 3 + 1]) / 255
                    out[index * 4 + 2] = Float(source[index * 3 + 2]) / 255
                    out[index * 4 + 3] = 1
                }
            }
        }
        return canvas
    }
}
