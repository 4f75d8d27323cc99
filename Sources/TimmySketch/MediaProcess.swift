import Foundation
import TimmyProcess

/// Runs one external media program (ffmpeg, ffprobe, fluidsynth, espeak-ng) through the shared
/// process runner — an argument vector, never a shell; a time limit; capped output — and turns a
/// non-zero exit into an error that carries the program's own complaint.
package struct MediaProcess: Sendable {
    package let program: String
    package let arguments: [String]
    package var timeout: Duration
    /// Most bytes of standard output kept; more fails the run.
    package var outputLimit: Int
    /// The folder it runs in; nil keeps the current one.
    package var workingDirectory: URL?
    /// Sees standard output as it is written (FFmpeg's `-progress pipe:1`).
    package var outputObserver: ProcessRequest.OutputObserver?

    package init(_ program: String, _ arguments: [String], timeout: Duration = .seconds(600), outputLimit: Int = 1 << 20) {
        self.program = program
        self.arguments = arguments
        self.timeout = timeout
        self.outputLimit = outputLimit
    }

    /// Runs to the end, writing standard input with `feeder` if given, and returns standard output;
    /// throws unless the program exits with 0. A cancelled task stops the program and every process it started.
    @discardableResult
    package func run(feeding feeder: ProcessRequest.InputWriter? = nil) async throws(MediaProcessError) -> [UInt8] {
        var request = ProcessRequest(program, arguments, timeout: timeout, outputLimit: outputLimit)
        request.inputWriter = feeder
        request.workingDirectory = workingDirectory
        request.outputObserver = outputObserver
        let output: ProcessOutput
        do {
            output = try await ProcessRunner.run(request)
        } catch .programNotFound {
            throw .notInstalled(program: program)
        } catch {
            throw .process(error)
        }
        guard output.succeeded else { throw .failed(program: program, status: output.status.description, stderr: output.errorText) }
        return output.standardOutput
    }
}

/// Why an external media program did not do its work.
package enum MediaProcessError: Error, Equatable, CustomStringConvertible {
    case notInstalled(program: String)
    case failed(program: String, status: String, stderr: String)
    /// It could not be started, ran too long, wrote too much, or was cancelled.
    case process(ProcessRunError)

    package var description: String {
        switch self {
        case .notInstalled(let program):
            "\(program) is not installed; run scripts/bootstrap (or `apt-get install \(program == "ffprobe" ? "ffmpeg" : program)`)"
        case .failed(let program, let status, let stderr): "\(program) failed (\(status)): \(stderr.suffix(600))"
        case .process(let error): error.description
        }
    }
}
