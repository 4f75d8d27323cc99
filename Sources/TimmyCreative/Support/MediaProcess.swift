import Foundation
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one external media program (ffmpeg, ffprobe, fluidsynth, espeak-ng) the safe way: an
/// argument vector, never a shell; a time limit; a cap on collected output; stderr kept for the
/// error message. The program gets its own session, so a timeout or a cancelled job ends it and
/// every process it started (SIGTERM, then SIGKILL).
///
/// Kept in this one file so it can later give way to the shared `TimmyProcess` runner.
struct MediaProcess: Sendable {
    /// Standard input, written while the program runs; `write` blocks when the pipe is full.
    typealias Feeder = @Sendable (_ write: @Sendable ([UInt8]) async throws -> Void) async throws -> Void

    let program: String
    let arguments: [String]
    var timeout: Duration = .seconds(600)
    /// Most bytes of standard output kept; more fails the run.
    var outputLimit = 1 << 20

    static let errorLimit = 1 << 20

    /// A program that dies while it is being fed (a cancelled ffmpeg) must not take Timmy with it:
    /// with SIGPIPE ignored, the write fails with EPIPE instead of the signal killing this process.
    private static let brokenPipesIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    init(_ program: String, _ arguments: [String], timeout: Duration = .seconds(600), outputLimit: Int = 1 << 20) {
        self.program = program
        self.arguments = arguments
        self.timeout = timeout
        self.outputLimit = outputLimit
    }

    /// Runs to the end and returns standard output; throws unless the program exits with 0.
    @discardableResult
    func run(feeding feeder: Feeder? = nil) async throws -> [UInt8] {
        Self.brokenPipesIgnored
        return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask { try await self.execute(feeder) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let output = first else {
                throw MediaProcessError.timedOut(program: program, after: timeout)
            }
            return output
        }
    }

    private func execute(_ feeder: Feeder?) async throws -> [UInt8] {
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: .milliseconds(500))]
        let result: ExecutionResult<Void, BytesOutput, StringOutput<UTF8>>
        do {
            result = try await Subprocess.run(
                .name(program), arguments: Arguments(arguments), platformOptions: options, input: .inputWriter,
                output: .bytes(limit: outputLimit), error: .string(limit: Self.errorLimit)
            ) { execution in
                let writer = execution.standardInputWriter
                if let feeder {
                    try await feeder { bytes in _ = try await writer.write(bytes) }
                }
                try await writer.finish()
            }
        } catch let error as SubprocessError {
            try Task.checkCancellation()
            if error.code == .executableNotFound { throw MediaProcessError.notInstalled(program: program) }
            if error.code == .outputLimitExceeded { throw MediaProcessError.tooMuchOutput(program: program, limit: outputLimit) }
            throw MediaProcessError.launch(program: program, reason: error.description)
        }
        try Task.checkCancellation()
        guard result.terminationStatus.isSuccess else {
            throw MediaProcessError.failed(program: program, status: result.terminationStatus.description, stderr: result.standardError)
        }
        return result.standardOutput
    }
}

/// Why an external media program did not do its work.
enum MediaProcessError: Error, Equatable, CustomStringConvertible {
    case notInstalled(program: String)
    case launch(program: String, reason: String)
    case failed(program: String, status: String, stderr: String)
    case timedOut(program: String, after: Duration)
    case tooMuchOutput(program: String, limit: Int)

    var description: String {
        switch self {
        case .notInstalled(let program):
            "\(program) is not installed; run scripts/bootstrap (or `apt-get install \(Self.package(program))`)"
        case .launch(let program, let reason): "could not start \(program): \(reason)"
        case .failed(let program, let status, let stderr):
            "\(program) failed (\(status)): \(stderr.trimmingCharacters(in: .whitespacesAndNewlines).suffix(600))"
        case .timedOut(let program, let after): "\(program) did not finish within \(after) and was stopped"
        case .tooMuchOutput(let program, let limit): "\(program) wrote more than \(limit) bytes of output and was stopped"
        }
    }

    private static func package(_ program: String) -> String {
        switch program {
        case "ffprobe": "ffmpeg"
        default: program
        }
    }
}
