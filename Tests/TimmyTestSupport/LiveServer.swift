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

    public init(settings: [(any SettingKey, String)] = [], token: String? = nil) async throws {
        test = try await TestRuntime(settings: settings, runsSwarm: false)
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = try WebApplication.build(
            runtime: test.runtime,
            configuration: ServerConfiguration(
                host: "127.0.0.1", port: 0, authToken: token, limits: ConnectionLimits(settings: test.runtime.settings))
        ) { port in portContinuation.yield(port) }
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: Logger(label: "test")))
        self.group = group
        serving = Task { try await group.run() }
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next() else { throw URLError(.cannotConnectToHost) }
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// An answer with its status, headers (names lowercased) and body.
    public struct Answer: Sendable {
        public let status: Int
        public let headers: [String: String]
        public let body: Data

        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends a request as it is: no cookies are kept between requests and redirects are not followed,
    /// so tests see exactly what the server answers. A body is sent as JSON unless `headers` say otherwise.
    public func send(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + path)!, timeoutInterval: 60)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as? HTTPURLResponse
        let fields = (http?.allHeaderFields ?? [:]).reduce(into: [String: String]()) { fields, field in
            if let name = field.key as? String, let value = field.value as? String { fields[name.lowercased()] = value }
        }
        return Answer(status: http?.statusCode ?? 0, headers: fields, body: data)
    }

    /// Sends a request and returns the status and body.
    public func request(
        _ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> (status: Int, body: Data) {
        let answer = try await send(method, path, body: body, headers: headers)
        return (answer.status, answer.body)
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        // The default, 6, queues concurrent requests behind each other, and a request's timeout runs while it
        // waits: the load tests' hundreds of posts would time out in the queue, not on the server.
        configuration.httpMaximumConnectionsPerHost = 64
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    /// Sends JSON and decodes the JSON answer.
    public func json(_ method: String, _ path: String, _ body: [String: JSONValue]? = nil) async throws -> (status: Int, value: JSONValue) {
        let data = try body.map { try JSONCoding.encoder().encode($0) }
        let (status, answer) = try await request(method, path, body: data)
        return (status, (try? JSONCoding.decoder().decode(JSONValue.self, from: answer)) ?? .null)
    }

    /// The port it listens on.
    public var port: Int { baseURL.port ?? 0 }

    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await serving.value
        await test.stop()
    }
}

/// Hands redirects back to the test instead of following them.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
