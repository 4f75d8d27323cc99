import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The acceptance animatic: `timmy create "A 3-minute music video about a sunrise over mountains"`
/// with the sketch backend, checked with ffprobe and FFmpeg's own filters. Its time is printed
/// (wall and CPU), never asserted.
@Suite("Director animatic", .serialized)
struct DirectorAnimaticTests {
    /// A frame of the video at `seconds`, 160×90 grey, the top two thirds only (no captions there).
    static func frame(_ video: String, at seconds: Double, in folder: TemporaryDirectory) throws -> [UInt8] {
        let file = folder.file("frame-\(seconds).gray")
        try MediaProbe.run(
            "ffmpeg",
            [
                "-v", "error", "-y", "-ss", String(format: "%.3f", seconds), "-i", video, "-frames:v", "1", "-vf",
                "scale=160:90,crop=160:60:0:0,format=gray",
                "-f", "rawvideo", file.path,
            ])
        return Array(try Data(contentsOf: file))
    }

    /// The share of bright pixels in the caption band (the bottom fifth) of the frame at `seconds`.
    static func captionInk(_ video: String, at seconds: Double, in folder: TemporaryDirectory) throws -> Double {
        let file = folder.file("band-\(seconds).gray")
        try MediaProbe.run(
            "ffmpeg",
            [
                "-v", "error", "-y", "-ss", String(format: "%.3f", seconds), "-i", video, "-frames:v", "1", "-vf",
                "crop=iw:ih/5:0:ih*4/5,format=gray",
                "-f", "rawvideo", file.path,
            ])
        let pixels = try Data(contentsOf: file)
        return Double(pixels.filter { $0 > 235 }.count) / Double(max(1, pixels.count))
    }

    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Double {
        zip(a, b).reduce(0.0) { $0 + abs(Double($1.0) - Double($1.1)) } / Double(max(1, min(a.count, b.count)))
    }

    /// RMS level in dB of ten seconds of the video's sound from `start`.
    static func level(_ video: String, from start: Double) throws -> Double {
        let text = try MediaProbe.run(
            "ffmpeg", ["-hide_banner", "-nostats", "-ss", String(start), "-t", "10", "-i", video, "-vn", "-af", "astats", "-f", "null", "-"])
        let line = text.split(separator: "\n").last { $0.contains("RMS level dB") } ?? ""
        return Double(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") ?? -999
    }

    @Test(
        "180 s, H.264 + AAC at 854×480, audible start to end, ≥12 scenes cross-faded, title and credits, lyrics burned in where sung and a soft track"
    )
    func animatic() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        var before = rusage()
        getrusage(Int32(RUSAGE_CHILDREN.rawValue), &before)
        let started = ContinuousClock.now
        let run = try await TimmyBinary.runDetached(["create", "A 3-minute music video about a sunrise over mountains", "--json"], in: folder.url)
        let wall = ContinuousClock.now - started
        var after = rusage()
        getrusage(Int32(RUSAGE_CHILDREN.rawValue), &after)
        let cpu =
            Double(after.ru_utime.tv_sec - before.ru_utime.tv_sec + after.ru_stime.tv_sec - before.ru_stime.tv_sec)
            + Double(after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec - before.ru_stime.tv_usec) / 1e6
        print(String(format: "animatic: %.1f s wall, %.1f s CPU (timmy and its children)", wall.seconds, cpu))
        #expect(run.status == 0, "\(run.output.suffix(3000))")
        let json = String(run.output[try #require(run.output.range(of: "\n{\n")).lowerBound...])
        let detail = try JSONCoding.decoder().decode(ProjectDetail.self, from: Data(json.utf8))
        #expect(detail.project.status == .completed && detail.project.duration == 180)
        let video = try #require(detail.project.finalVideo)

        let info = try MediaProbe.video(URL(fileURLWithPath: video))
        #expect(info.codec == "h264" && info.width == 854 && info.height == 480 && info.duration >= 180 && abs(info.duration - 180) <= 0.1)
        let streams = try MediaProbe.run("ffprobe", ["-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", video])
        #expect(streams.split(separator: "\n").map(String.init) == ["h264", "aac", "mov_text"])
        #expect(try Self.level(video, from: 0) > -30 && (try Self.level(video, from: 170)) > -30)

        let keyframes = detail.steps.filter { $0.kind == .storyboard }
        #expect(keyframes.count >= 12 && Set(detail.steps.filter { $0.kind == .clips }.compactMap(\.scene)).count == keyframes.count)
        let edit = try JSONCoding.decoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: detail.project.folder + "/edit.json")))
        #expect(edit["transition"] == 1)
        // A cross-fade's middle frame is a blend of the two clips: nearer their average than either.
        let clips = detail.steps.filter { $0.kind == .clips }.sorted { $0.ordinal < $1.ordinal }
        let title = edit["title"]?["seconds"]?.doubleValue ?? 0
        var start = title
        var blends = 0
        for (index, clip) in clips.enumerated().dropLast().prefix(4) {
            let length = Double(clip.inputs["frames"]?.intValue ?? 0) / 24
            let cut = start + length - 0.5
            let outgoing = try Self.frame(try #require(clip.outputs["assets"]?.arrayValue?.first?["path"]?.stringValue), at: length - 0.5, in: folder)
            let incoming = try Self.frame(
                try #require(clips[index + 1].outputs["assets"]?.arrayValue?.first?["path"]?.stringValue), at: 0.5, in: folder)
            let middle = try Self.frame(video, at: cut, in: folder)
            let average = zip(outgoing, incoming).map { UInt8((Int($0) + Int($1)) / 2) }
            if Self.distance(middle, average) < Self.distance(middle, outgoing), Self.distance(middle, average) < Self.distance(middle, incoming) {
                blends += 1
            }
            start += length - 1
        }
        #expect(blends >= 3, "\(blends) of 4 cross-fade middles are blends")

        let srt = try String(contentsOfFile: try #require(detail.project.subtitles), encoding: .utf8)
        let cues = srt.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(cues.first?.contains(detail.project.title) == true && cues.first?.contains("00:00:00,000 --> ") == true)
        #expect(cues.last?.contains("Directed by Timmy") == true && cues.last?.contains(" --> 00:03:00,000") == true)
        let phrases = detail.steps.first { $0.kind == .music }?.outputs["phrases"]?.arrayValue ?? []
        #expect(phrases.count >= 12)
        for phrase in phrases.prefix(12) {
            let start = try #require(phrase["start"]?.doubleValue)
            let stamp = String(
                format: "%02d:%02d:%02d,%03d", Int(start) / 3600, Int(start) / 60 % 60, Int(start) % 60, Int((start * 1000).rounded()) % 1000)
            #expect(srt.contains("\(stamp) --> ") && srt.contains(phrase["line"]?.stringValue ?? "?"), "\(stamp) \(phrase)")
        }
        // Burned in: ink in the caption band while a line is sung, none before the first line (after the title card).
        let first = try #require(phrases.first?["start"]?.doubleValue)
        let sung = first + 0.8
        #expect(try Self.captionInk(video, at: sung, in: folder) > 3 * (try Self.captionInk(video, at: (title + first) / 2, in: folder)) + 0.001)
        // The title card and the credits: text on a plain card.
        #expect(try Self.captionInk(video, at: 179, in: folder) < 0.5)
    }
}
