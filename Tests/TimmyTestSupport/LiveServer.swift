import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import TimmyCore
import TimmySwarm
import TimmyWeb

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real HTTP server on a free loopback port, around a `TestRuntime`.
public final class LiveServer: Sendable {
    public let test: TestRuntime
    public let baseURL: URL
    private let group: ServiceGroup
    private let serving: Task<Void, any Error>

    public init(settings: [String: String] = [:], token: String? = nil) async throws {
        test = try await TestRuntime(settings: settings)
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = try WebApplication.build(
            runtime: test.runtime, configuration: ServerConfiguration(host: "127.0.0.1", port: 0, authToken: token)
        ) { port in portContinuation.yield(port) }
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: Logger(label: "test")))
        self.group = group
        serving = Task { try await group.run() }
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw URLError(.cannotConnectToHost) }
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Sends a request and returns the status and body.
    public func request(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + path)!, timeoutInterval: 60)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// Sends JSON and decodes the JSON answer.
    public func json(_ method: String, _ path: String, _ body: [String: JSONValue]? = nil) async throws -> (status: Int, value: JSONValue) {
        let data = try body.map { try JSONCoding.encoder().encode($0) }
        let (status, answer) = try await request(method, path, body: data)
        return (status, (try? JSONCoding.decoder().decode(JSONValue.self, from: answer)) ?? .null)
    }

    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await serving.value
        await test.stop()
    }
}
