import Foundation
import TimmyProcess

/// The bare program doing the heaviest part of a creative tool's work, run right after the tool
/// on the same machine: the floor the tool is measured against.
enum CreativeBaseline {
    /// FFmpeg writing `count` PNG test pictures of the size (the image tools' PNG output).
    case png(width: Int, height: Int, count: Int)
    /// FluidSynth playing the MIDI file the tool kept beside its WAV (the arrangement's render).
    case fluidsynth(midi: URL)
    /// espeak-ng speaking the lyrics into a WAV (the vocal stem's voice).
    case espeak(text: String)
    /// FFmpeg encoding a test pattern to H.264 with the tool's own encoder settings.
    case x264(width: Int, height: Int, fps: Int, seconds: Int)

    /// What the baseline is, for the report.
    var label: String {
        switch self {
        case .png: "ffmpeg PNG"
        case .fluidsynth: "fluidsynth"
        case .espeak: "espeak-ng"
        case .x264: "ffmpeg x264"
        }
    }

    /// Runs the baseline in `folder` and returns the seconds it took; a failing program is an error.
    func time(in folder: URL) async throws -> Double {
        let (_, seconds) = try await BenchReport.time {
            for request in requests(in: folder) {
                let output = try await ProcessRunner.run(request)
                guard output.succeeded else { throw BaselineError(label: label, message: output.errorText) }
            }
        }
        return seconds
    }

    private func requests(in folder: URL) -> [ProcessRequest] {
        let out = folder.appendingPathComponent("baseline-\(UUID().uuidString.prefix(8))")
        switch self {
        case .png(let width, let height, let count):
            return [
                ProcessRequest(
                    "ffmpeg",
                    ["-v", "error", "-f", "lavfi", "-i", "testsrc2=s=\(width)x\(height)", "-frames:v", String(count), "-y", out.path + "-%d.png"])
            ]
        case .fluidsynth(let midi):
            return [
                ProcessRequest(
                    "fluidsynth",
                    ["-ni", "-q", "-g", "0.6", "-r", "44100", "-O", "float", "-T", "raw", "-F", out.path + ".raw", Self.soundFont, midi.path],
                    timeout: .seconds(600))
            ]
        case .espeak(let text):
            return [ProcessRequest("espeak-ng", ["-v", "en-us", "-w", out.path + ".wav", text])]
        case .x264(let width, let height, let fps, let seconds):
            return [
                ProcessRequest(
                    "ffmpeg",
                    [
                        "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=\(width)x\(height):r=\(fps)", "-t", String(seconds), "-c:v", "libx264",
                        "-preset", "veryfast", "-crf", "20", "-tune", "animation", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-y",
                        out.path + ".mp4",
                    ], timeout: .seconds(600))
            ]
        }
    }

    static let soundFont = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
}

/// A baseline program that did not finish its work.
struct BaselineError: Error, CustomStringConvertible {
    let label: String
    let message: String
    var description: String { "baseline \(label) failed: \(message)" }
}
