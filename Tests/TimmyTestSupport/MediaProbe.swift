import Foundation

/// Reads media files back the way a user's tools would: ffprobe for video, sox for audio levels,
/// the PNG header for image sizes, and raw samples for measuring what a mix contains.
public enum MediaProbe {
    /// Runs a program to completion; returns its standard output, throwing with its error output on failure.
    @discardableResult
    public static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ProbeError(message: "\(program) \(arguments.joined(separator: " ")): \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self) + String(decoding: errorData, as: UTF8.self)
    }

    public struct ProbeError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }

        public init(message: String) { self.message = message }
    }

    /// Width and height from a PNG's IHDR chunk.
    public static func pngSize(_ url: URL) throws -> (width: Int, height: Int) {
        let data = try Data(contentsOf: url)
        guard data.count > 24, data.prefix(8) == Data([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) else {
            throw ProbeError(message: "\(url.lastPathComponent) is not a PNG")
        }
        func be32(_ offset: Int) -> Int { data[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    /// What ffprobe reads from a video's first stream and container.
    public struct VideoInfo: Sendable {
        public let codec: String
        public let width: Int
        public let height: Int
        public let pixelFormat: String
        public let frameRate: Double
        public let duration: Double
        public let frames: Int
    }

    public static func video(_ url: URL) throws -> VideoInfo {
        let text = try run(
            "ffprobe",
            [
                "-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries",
                "stream=codec_name,width,height,pix_fmt,r_frame_rate,nb_read_frames:format=duration", "-of", "json", url.path,
            ])
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        let stream = (json["streams"] as? [[String: Any]])?.first ?? [:]
        let rate = (stream["r_frame_rate"] as? String ?? "0/1").split(separator: "/").compactMap { Double($0) }
        return VideoInfo(
            codec: stream["codec_name"] as? String ?? "", width: stream["width"] as? Int ?? 0, height: stream["height"] as? Int ?? 0,
            pixelFormat: stream["pix_fmt"] as? String ?? "", frameRate: rate.count == 2 && rate[1] > 0 ? rate[0] / rate[1] : 0,
            duration: Double((json["format"] as? [String: Any])?["duration"] as? String ?? "") ?? 0,
            frames: Int(stream["nb_read_frames"] as? String ?? "") ?? 0)
    }

    /// Whether the MP4 index (`moov`) comes before the media data (`mdat`): faststart.
    public static func isFaststart(_ url: URL) throws -> Bool {
        let data = try Data(contentsOf: url)
        var offset = 0
        while offset + 8 <= data.count {
            let size = data[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: data[(offset + 4)..<(offset + 8)], as: UTF8.self)
            if type == "moov" { return true }
            if type == "mdat" || size < 8 { return false }
            offset += size
        }
        return false
    }

    /// Seconds of audio, as soxi reads them.
    public static func audioDuration(_ url: URL) throws -> Double {
        Double(try run("soxi", ["-D", url.path]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The RMS amplitude (0-1) as `sox stat` measures it.
    public static func rms(_ url: URL) throws -> Double {
        let text = try run("sox", [url.path, "-n", "stat"])
        let line = text.split(separator: "\n").first { $0.hasPrefix("RMS     amplitude") } ?? ""
        return Double(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
    }

    /// The samples of a 16-bit PCM WAV file mixed to mono.
    public static func monoSamples(_ url: URL) throws -> [Float] {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString).f32")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try run("sox", [url.path, "-t", "raw", "-e", "floating-point", "-b", "32", "-c", "1", temporary.path])
        let data = try Data(contentsOf: temporary)
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }

    /// The correlation of two signals over their common length: near 1 when one contains the other
    /// strongly, near 0 when they are unrelated.
    public static func correlation(_ a: [Float], _ b: [Float]) -> Double {
        let count = min(a.count, b.count)
        var ab = 0.0
        var aa = 0.0
        var bb = 0.0
        for index in 0..<count {
            let x = Double(a[index])
            let y = Double(b[index])
            ab += x * y
            aa += x * x
            bb += y * y
        }
        return aa > 0 && bb > 0 ? ab / (aa * bb).squareRoot() : 0
    }
}
