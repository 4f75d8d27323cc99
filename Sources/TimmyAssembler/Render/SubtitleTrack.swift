import Foundation
import TimmySketch

/// A video's own subtitle track read back as captions (FFmpeg writes it out as SubRip).
enum SubtitleTrack {
    static func captions(of file: URL) async throws(AssemblyError) -> [AssemblyEdit.Caption] {
        let output: [UInt8]
        do {
            output = try await MediaProcess(
                "ffmpeg", ["-v", "error", "-nostdin", "-i", file.path, "-map", "0:s:0", "-f", "srt", "-"], timeout: .seconds(120)
            )
            .run()
        } catch {
            throw .ffmpeg(program: "ffmpeg", message: "cannot read the subtitle track of \(file.path): \(error.description)")
        }
        let captions = try CaptionFile.srt(String(decoding: output, as: UTF8.self), field: "video")
        return captions.filter { $0.end > $0.start && !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}
