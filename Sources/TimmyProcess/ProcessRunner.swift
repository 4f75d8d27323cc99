import Foundation
import Subprocess

// `FilePath` comes from the system library Subprocess itself builds on: the SDK's System on Apple
// platforms, swift-system's SystemPackage elsewhere.
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

/// The one way Timmy runs external programs: an argument vector in its own session, both output
/// streams drained concurrently and capped, and a timeout that stops the whole process group
/// (SIGTERM, then SIGKILL after a grace period).
public enum ProcessRunner {
    /// How long a program gets to exit after SIGTERM before it is killed.
    public static let gracePeriod: Duration = .seconds(2)

    /// A program that exits while it is being fed must not take Timmy with it: with SIGPIPE
    /// ignored, the write fails with EPIPE instead of the signal ending this process.
    private static let brokenPipesIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    private enum Race: Sendable {
        case finished(ProcessOutput)
        case timedOut
    }

    /// Runs the program to its end and returns its status and output.
    public static func run(_ request: ProcessRequest) async throws(ProcessRunError) -> ProcessOutput {
        let race: Race
        do {
            race = try await withThrowingTaskGroup(of: Race.self) { group in
                group.addTask { .finished(try await launch(request)) }
                group.addTask {
                    try await Task.sleep(for: request.timeout)
                    return .timedOut
                }
                defer { group.cancelAll() }
                return try await group.next() ?? .timedOut
            }
        } catch {
            throw Task.isCancelled ? .cancelled(label: request.label) : runError(error, request)
        }
        switch race {
        case .finished(let output):
            return output
        case .timedOut:
            let parts = request.timeout.components
            throw .timedOut(label: request.label, seconds: Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
        }
    }

    private static func launch(_ request: ProcessRequest) async throws -> ProcessOutput {
        if let writer = request.inputWriter {
            Self.brokenPipesIgnored
            return try await launch(request, input: .inputWriter) { execution in
                let input = execution.standardInputWriter
                try await writer { bytes in _ = try await input.write(bytes) }
                try await input.finish()
            }
        }
        if let input = request.input { return try await launch(request, input: .array(input)) { _ in } }
        return try await launch(request, input: .none) { _ in }
    }

    private static func launch<Input: InputProtocol>(
        _ request: ProcessRequest, input: Input, body: (Execution<Input, BytesOutput, BytesOutput>) async throws -> Void
    ) async throws -> ProcessOutput {
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: gracePeriod)]
        let overrides = Dictionary(uniqueKeysWithValues: request.environment.map { (Environment.Key(stringLiteral: $0.key), $0.value) })
        let started = ContinuousClock.now
        let result = try await Subprocess.run(
            request.program.contains("/") ? .path(FilePath(request.program)) : .name(request.program),
            arguments: Arguments(request.arguments),
            environment: .inherit.updating(overrides),
            workingDirectory: request.workingDirectory.map { FilePath($0.path) },
            platformOptions: options,
            input: input,
            output: .bytes(limit: request.outputLimit),
            error: .bytes(limit: request.outputLimit),
            body: body)
        let status: ProcessOutput.Status =
            switch result.terminationStatus {
            case .exited(let code): .exited(code)
            case .signaled(let signal): .signalled(signal)
            }
        return ProcessOutput(
            status: status, standardOutput: result.standardOutput, standardError: result.standardError,
            duration: ContinuousClock.now - started)
    }

    private static func runError(_ error: any Error, _ request: ProcessRequest) -> ProcessRunError {
        guard let error = error as? SubprocessError else { return .launchFailed(label: request.label, reason: "\(error)") }
        switch error.code {
        case .executableNotFound: return .programNotFound(request.program)
        case .failedToChangeWorkingDirectory:
            return .workingDirectoryMissing(label: request.label, path: request.workingDirectory?.path ?? ".")
        case .outputLimitExceeded: return .outputTooLarge(label: request.label, limit: request.outputLimit)
        default: return .launchFailed(label: request.label, reason: error.description)
        }
    }
}
