import Foundation

/// The encoder settings of every assembly, said once: the assembler and the bench's bare
/// re-encode (its floor) both take them from here.
public enum AssemblyEncoding {
    /// The video encoder's options: x264 and x265 run `veryfast` at CRF 23; yuv420p always.
    public static func video(codec: String) -> [String] {
        var arguments = ["-c:v", codec]
        if codec.hasPrefix("libx26") { arguments += ["-preset", "veryfast", "-crf", "23"] }
        return arguments + ["-pix_fmt", "yuv420p"]
    }

    /// AAC stereo at 48 kHz.
    public static let audio = ["-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2"]

    /// MP4 with its index at the front.
    public static let container = ["-movflags", "+faststart", "-f", "mp4"]

    /// The sample format every audio branch is brought to before they meet.
    static let audioFormat = "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo"
}
