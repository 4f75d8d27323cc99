import Foundation
import TimmyCore

/// What an assembly made, as ffprobe reads the file back, and how it was made.
public struct AssemblyReport: Sendable, Equatable {
    /// The MP4.
    public private(set) var output: URL
    /// The SubRip file beside it, holding the title, every caption and the credits.
    public private(set) var srt: URL
    /// Seconds, as ffprobe reads them.
    public let duration: Double
    /// Seconds the edit planned (whole frames).
    public let plannedDuration: Double
    public let width: Int
    public let height: Int
    /// Video frames, counted by ffprobe.
    public let frames: Int
    public let fps: Int
    /// Codec of each stream, in file order (`h264`, `aac`, `mov_text`).
    public let streams: [String]
    /// Where each clip starts on the final timeline, in edit order.
    public let clipStarts: [Double]
    /// The FFmpeg arguments, for the record (the program is `ffmpeg`).
    public let arguments: [String]
    /// Seconds FFmpeg ran, and the whole assembly took.
    public let encodeSeconds: Double
    public let totalSeconds: Double

    /// The same report for the video and its `.srt` moved to `output` and beside it.
    public func moved(to output: URL) -> AssemblyReport {
        var moved = self
        moved.output = output
        moved.srt = output.deletingPathExtension().appendingPathExtension("srt")
        return moved
    }

    /// The report as recorded in a tool's result and sidecar.
    public var json: JSONValue {
        [
            "output": .string(output.path), "srt": .string(srt.path), "duration": .double(duration), "planned_duration": .double(plannedDuration),
            "width": .int(width), "height": .int(height), "frames": .int(frames), "fps": .int(fps), "streams": .array(streams.map(JSONValue.string)),
            "clip_starts": .array(clipStarts.map(JSONValue.double)), "ffmpeg_arguments": .array(arguments.map(JSONValue.string)),
            "encode_seconds": .double(encodeSeconds), "total_seconds": .double(totalSeconds),
        ]
    }
}
