import Foundation
import TimmyCore

#if canImport(Glibc)
import Glibc
#endif

/// Where a worker answers, and for a worker Timmy started, how to learn why it ended.
public struct WorkerEndpoint: Sendable {
    public let url: String
    public let token: String?
    /// The child's process id (nil for a worker at `worker_url`).
    public let pid: Int32?
    let exit: ExitWatch?
}

/// Starts the local worker as a child process on a free loopback port when a call needs one, keeps
/// it for the calls after, and starts a fresh one when it has ended. The child is told Timmy's
/// process id and exits when Timmy is gone, however Timmy ended.
public actor WorkerSupervisor {
    /// The one supervisor of this process: every worker call shares its child.
    public static let shared = WorkerSupervisor()

    private struct Child {
        let process: Process
        let endpoint: WorkerEndpoint
        let key: String
    }

    private var child: Child?
    private var starting: Task<Child, any Error>?

    /// A supervisor of its own (tests); Timmy's calls share `shared`.
    public init() {}

    /// The worker to talk to: `worker_url` when set, else the running child, started when there is none.
    public func endpoint(_ settings: Settings) async throws -> WorkerEndpoint {
        let url = settings[.workerURL]
        if !url.isEmpty {
            let token = settings[.workerToken]
            return WorkerEndpoint(url: url.hasSuffix("/") ? String(url.dropLast()) : url, token: token.isEmpty ? nil : token, pid: nil, exit: nil)
        }
        let python = try WorkerInstallation.python(settings)
        let budget = settings[.workerMemoryBudgetGB]
        let key = "\(python.path) \(budget)"
        if let child, child.process.isRunning, child.key == key { return child.endpoint }
        if let starting { return try await starting.value.endpoint }
        stopChild()
        let task = Task { try await Self.start(python: python, budget: budget, key: key) }
        starting = task
        defer { starting = nil }
        let started = try await task.value
        child = started
        return started.endpoint
    }

    /// Ends the child, if any.
    public func stop() {
        stopChild()
    }

    private func stopChild() {
        if let child, child.process.isRunning { child.process.terminate() }
        child = nil
    }

    private static func start(python: URL, budget: Double, key: String) async throws -> Child {
        let token = (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timmy-worker-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("worker.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw WorkerError.startFailed("cannot write \(log.path)") }
        let process = Process()
        process.executableURL = python
        var arguments = ["-m", "timmy_worker", "serve", "--port", "0", "--parent-pid", String(getpid()), "--results", folder.path]
        if budget > 0 { arguments += ["--memory-budget-gb", String(budget)] }
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["TIMMY_WORKER_TOKEN": token, "PYTHONUNBUFFERED": "1"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardInput = FileHandle.nullDevice
        let exit = ExitWatch()
        process.terminationHandler = { ended in
            let reason =
                ended.terminationReason == .uncaughtSignal ? "signal \(ended.terminationStatus)" : "status \(ended.terminationStatus)"
            Task { await exit.record(reason) }
        }
        do {
            try process.run()
        } catch {
            throw WorkerError.startFailed("cannot run \(python.path): \(error)")
        }
        let line = await Self.firstLine(of: output.fileHandleForReading, from: process.processIdentifier, within: .seconds(300))
        guard let line, let listening = Self.listening(in: line) else {
            if process.isRunning { process.terminate() }
            let tail = String((try? String(contentsOf: log, encoding: .utf8))?.suffix(800) ?? "")
            throw WorkerError.startFailed("it did not say where it listens (log \(log.path)): \(tail)")
        }
        return Child(process: process, endpoint: WorkerEndpoint(url: listening, token: token, pid: process.processIdentifier, exit: exit), key: key)
    }

    /// The first line the child prints, or nil when it ends or stays silent for `limit` (then it is stopped,
    /// which also ends the blocked read).
    private static func firstLine(of handle: FileHandle, from pid: Int32, within limit: Duration) async -> String? {
        await withTaskGroup(of: String?.self) { group in
            group.addTask {
                await Task.detached {
                    var bytes = Data()
                    while true {
                        let chunk = handle.availableData
                        if chunk.isEmpty { return nil }
                        bytes.append(chunk)
                        if let end = bytes.firstIndex(of: UInt8(ascii: "\n")) { return String(decoding: bytes[..<end], as: UTF8.self) }
                    }
                }.value
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                if !Task.isCancelled { kill(pid, SIGKILL) }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    private static func listening(in line: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        return object["listening"] as? String
    }
}

/// Why a child worker ended, once it has.
actor ExitWatch {
    private(set) var reason: String?

    func record(_ reason: String) {
        self.reason = reason
    }

    /// The reason, waiting up to `limit` for the process to be reaped.
    func reason(within limit: Duration) async -> String? {
        let deadline = ContinuousClock.now + limit
        while reason == nil, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return reason
    }
}
