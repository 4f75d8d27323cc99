import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

/// Chooses where a command's work happens: a running server when one answers, else this process.
enum ServiceConnector {
    /// Runs `body` against the server, or against an in-process runtime. With `runsSwarm`, the
    /// in-process runtime takes the data folder's lock and runs the swarm while `body` runs.
    static func with<T: Sendable>(
        _ options: GlobalOptions, runsSwarm: Bool = false, _ body: @Sendable (any TimmyService) async throws -> T
    ) async throws -> T {
        let settings = try options.loadSettings()
        if let remote = await RemoteService.connect(settings: settings) {
            return try await run(body, on: remote)
        }
        var lock: DataFolderLock?
        if runsSwarm {
            do { lock = try DataFolderLock(settings: settings) } catch { throw CommandFailure(error) }
        }
        defer { _ = lock }
        let runtime = try await TimmyRuntime.open(settings: settings)
        guard runsSwarm else { return try await run(body, on: runtime) }
        try await runtime.recoverInterrupted()
        let swarm = Task { await runtime.run() }
        let result: Result<T, any Error>
        do { result = .success(try await run(body, on: runtime)) } catch { result = .failure(error) }
        runtime.shutdown()
        await swarm.value
        return try result.get()
    }

    private static func run<T>(_ body: (any TimmyService) async throws -> T, on service: any TimmyService) async throws -> T {
        do {
            return try await body(service)
        } catch let error as ServiceError {
            throw CommandFailure(error)
        }
    }
}
