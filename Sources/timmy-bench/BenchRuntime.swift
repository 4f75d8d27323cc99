import Foundation
import TimmyCore
import TimmySwarm

/// A Timmy runtime in a bench folder of its own, running, for the benches that go through the swarm.
struct BenchRuntime {
    let runtime: TimmyRuntime
    let folder: URL

    /// Runs `body` with a running runtime in a `BenchFolder`, and stops it and finishes the folder
    /// after, whether `body` returned or threw.
    static func with<T>(keep: String?, _ body: (BenchRuntime) async throws -> T) async throws -> T {
        let folder = try BenchFolder(keep: keep)
        defer { folder.finish() }
        let runtime = try await TimmyRuntime.open(settings: folder.settings)
        let running = Task { await runtime.run() }
        let result: Result<T, any Error>
        do {
            result = .success(try await body(BenchRuntime(runtime: runtime, folder: folder.url)))
        } catch {
            result = .failure(error)
        }
        runtime.shutdown()
        await running.value
        return try result.get()
    }
}
