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

    /// The program's standard input would take no more.
    private struct InputClosed: Error {}

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
            // A program that stops reading (it exited, or was killed) ends the feed: its exit status
            // then says why, not the broken pipe.
            let feed: @Sendable (StandardInputWriter) async throws -> Void = { input in
                do {
                    try await writer { bytes in
                        do { _ = try await input.write(bytes) } catch { throw InputClosed() }
                    }
                    try await input.finish()
                } catch is InputClosed {
                    _ = try? await input.finish()
                }
            }
            if let observer = request.outputObserver {
                return try await observed(request, input: .inputWriter, observer: observer) { try await feed($0.standardInputWriter) }
            }
            return try await launch(request, input: .inputWriter) { try await feed($0.standardInputWriter) }
        }
        if let observer = request.outputObserver {
            if let input = request.input { return try await observed(request, input: .array(input), observer: observer) { _ in } }
            return try await observed(request, input: .none, observer: observer) { _ in }
        }
        if let input = request.input { return try await launch(request, input: .array(input)) { _ in } }
        return try await launch(request, input: .none) { _ in }
    }

    private static func launch<Input: InputProtocol>(
        _ request: ProcessRequest, input: Input, body: (Execution<Input, BytesOutput, BytesOutput>) async throws -> Void
    ) async throws -> ProcessOutput {
        let started = ContinuousClock.now
        let result = try await Subprocess.run(
            executable(request), arguments: Arguments(request.arguments), environment: environment(request),
            workingDirectory: request.workingDirectory.map { FilePath($0.path) }, platformOptions: platformOptions, input: input,
            output: .bytes(limit: request.outputLimit), error: .bytes(limit: request.outputLimit), body: body)
        return ProcessOutput(
            status: status(result.terminationStatus), standardOutput: result.standardOutput, standardError: result.standardError,
            duration: ContinuousClock.now - started)
    }

    /// Runs with standard output streamed: each piece goes to the observer as it arrives and is
    /// collected under the output limit, while `body` feeds standard input.
    private static func observed<Input: InputProtocol>(
        _ request: ProcessRequest, input: Input, observer: @escaping ProcessRequest.OutputObserver,
        body: @escaping @Sendable (Execution<Input, SequenceOutput, BytesOutput>) async throws -> Void
    ) async throws -> ProcessOutput {
        let started = ContinuousClock.now
        let limit = request.outputLimit
        let result = try await Subprocess.run(
            executable(request), arguments: Arguments(request.arguments), environment: environment(request),
            workingDirectory: request.workingDirectory.map { FilePath($0.path) }, platformOptions: platformOptions, input: input,
            output: .sequence, error: .bytes(limit: limit)
        ) { execution in
            async let fed: Void = body(execution)
            var collected: [UInt8] = []
            for try await buffer in execution.standardOutput {
                let bytes = buffer.withUnsafeBytes { Array($0) }
                guard collected.count + bytes.count <= limit else { throw ProcessRunError.outputTooLarge(label: request.label, limit: limit) }
                collected += bytes
                try await observer(bytes)
            }
            try await fed
            return collected
        }
        return ProcessOutput(
            status: status(result.terminationStatus), standardOutput: result.closureResult, standardError: result.standardError,
            duration: ContinuousClock.now - started)
    }

    private static var platformOptions: PlatformOptions {
        var options = PlatformOptions()
        options.createSession = true
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: gracePeriod)]
        return options
    }

    private static func executable(_ request: ProcessRequest) -> Executable {
        request.program.contains("/") ? .path(FilePath(request.program)) : .name(request.program)
    }

    private static func environment(_ request: ProcessRequest) -> Environment {
        .inherit.updating(Dictionary(uniqueKeysWithValues: request.environment.map { (Environment.Key(stringLiteral: $0.key), $0.value) }))
    }

    private static func status(_ status: TerminationStatus) -> ProcessOutput.Status {
        switch status {
        case .exited(let code): .exited(code)
        case .signaled(let signal): .signalled(signal)
        }
    }

    private static func runError(_ error: any Error, _ request: ProcessRequest) -> ProcessRunError {
        if let error = error as? ProcessRunError { return error }
        // An observer's cancellation (a job cancelled from another process) stops the run like a cancelled task.
        if error is CancellationError { return .cancelled(label: request.label) }
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
