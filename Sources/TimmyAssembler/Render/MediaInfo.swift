import Foundation
import TimmyCore
import TimmySketch

/// What ffprobe reads of a media file: its length, its picture's size, which streams it has.
struct MediaInfo: Sendable, Equatable {
    /// Seconds: the video stream's length where there is one, else the container's.
    let duration: Double
    let width: Int
    let height: Int
    let hasVideo: Bool
    let hasAudio: Bool
    let hasSubtitles: Bool
    /// Codec names by stream, in file order (`h264`, `aac`, `mov_text`).
    let codecs: [String]
    /// The first video stream's packets, one a frame for H.264 (counted without decoding).
    let videoPackets: Int?

    /// Reads a file; a file ffprobe cannot read is refused as the field's value.
    static func read(_ file: URL, field: String, countingPackets: Bool = false) async throws(AssemblyError) -> MediaInfo {
        var arguments = ["-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height,duration,nb_read_packets:format=duration"]
        if countingPackets { arguments += ["-count_packets"] }
        let output: [UInt8]
        do {
            output = try await MediaProcess("ffprobe", arguments + ["-of", "json", file.path], timeout: .seconds(120)).run()
        } catch .failed(_, _, let stderr) {
            throw .invalid(field: field, reason: "'\(file.path)' is not a media file ffprobe can read: \(stderr.suffix(300))")
        } catch {
            throw .ffmpeg(program: "ffprobe", message: error.description)
        }
        guard let json = JSONValue.parse(String(decoding: output, as: UTF8.self)) else {
            throw .ffmpeg(program: "ffprobe", message: "unreadable report for \(file.path)")
        }
        let streams = json["streams"]?.arrayValue ?? []
        let video = streams.first { $0["codec_type"]?.stringValue == "video" }
        let seconds = { (value: JSONValue?) in value?.stringValue.flatMap(Double.init) }
        return MediaInfo(
            duration: seconds(video?["duration"]) ?? seconds(json["format"]?["duration"]) ?? 0, width: video?["width"]?.intValue ?? 0,
            height: video?["height"]?.intValue ?? 0, hasVideo: video != nil,
            hasAudio: streams.contains { $0["codec_type"]?.stringValue == "audio" },
            hasSubtitles: streams.contains { $0["codec_type"]?.stringValue == "subtitle" },
            codecs: streams.compactMap { $0["codec_name"]?.stringValue },
            videoPackets: video?["nb_read_packets"]?.stringValue.flatMap(Int.init))
    }
}
