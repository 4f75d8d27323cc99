/// Something a test starts and must stop before it ends: a server, a runtime and its folder, a worker.
public protocol Stoppable: Sendable {
    func stop() async
}

/// Runs `body` with `resource`, then stops it, awaited, however `body` ends: nothing a test starts
/// outlives it (a detached `defer { Task { await x.stop() } }` would let it linger past the test).
public func withStopping<Resource: Stoppable, Value>(
    _ resource: Resource, isolation: isolated (any Actor)? = #isolation, _ body: (Resource) async throws -> Value
) async throws -> Value {
    do {
        let value = try await body(resource)
        await resource.stop()
        return value
    } catch {
        await resource.stop()
        throw error
    }
}

extension LiveServer: Stoppable {}
extension TestRuntime: Stoppable {}
