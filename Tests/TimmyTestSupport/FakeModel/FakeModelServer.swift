import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TimmyCore

/// A language-model server on a free loopback port that speaks both Ollama's `/api/chat` and the
/// OpenAI-compatible `/v1/chat/completions`, streaming, answering each request with the next
/// scripted turn (the last one again once they run out) and keeping every request it received.
public final class FakeModelServer: Sendable {
    /// A request as received: its JSON body and its `Authorization` header.
    public struct Received: Sendable {
        public let path: String
        public let body: JSONValue
        public let authorization: String?
    }

    private actor Script {
        var turns: [FakeTurn]
        var received: [Received] = []
        /// Set by `stop()`, so a delayed answer gives up instead of holding the shutdown.
        var stopping = false

        func stop() { stopping = true }

        init(_ turns: [FakeTurn]) { self.turns = turns }

        func next(_ request: Received) -> FakeTurn {
            received.append(request)
            return turns.count > 1 ? turns.removeFirst() : turns.first ?? .answer("")
        }
    }

    public let baseURL: String
    private let script: Script
    private let group: ServiceGroup
    private let serving: Task<Void, any Error>

    public init(_ turns: [FakeTurn]) async throws {
        let script = Script(turns)
        self.script = script
        let router = Router()
        for (path, ollama) in [("/api/chat", true), ("/v1/chat/completions", false)] {
            router.post(RouterPath(path)) { request, _ -> Response in
                let bytes = try await request.body.collect(upTo: 4 << 20)
                let body = JSONValue.parse(String(buffer: bytes)) ?? .null
                let turn = await script.next(Received(path: path, body: body, authorization: request.headers[.authorization]))
                if let delay = turn.delay {
                    let end = ContinuousClock.now + delay
                    while ContinuousClock.now < end, await !script.stopping { try await Task.sleep(for: .milliseconds(50)) }
                }
                if let failure = turn.failure {
                    let error: JSONValue =
                        ollama
                        ? ["error": .string(failure.message)] : ["error": ["message": .string(failure.message), "type": "invalid_request_error"]]
                    return Response(
                        status: .init(code: failure.status), headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: error.jsonText)))
                }
                let model = body["model"]?.stringValue ?? "fake"
                let parts = ollama ? FakeModelWire.ollama(turn, model: model) : FakeModelWire.openAI(turn, model: model)
                return Response(
                    status: .ok, headers: [.contentType: ollama ? "application/x-ndjson" : "text/event-stream"],
                    body: ResponseBody { writer in
                        for part in parts {
                            try await writer.write(ByteBuffer(string: part))
                            try await Task.sleep(for: .milliseconds(2))
                        }
                        try await writer.finish(nil)
                    })
            }
        }
        var logger = Logger(label: "fake-model")
        logger.logLevel = .warning
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        self.group = group
        serving = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw URLError(.cannotConnectToHost) }
        baseURL = "http://127.0.0.1:\(port)"
    }

    /// Every request received so far, in order.
    public var received: [Received] { get async { await script.received } }

    public func stop() async {
        await script.stop()
        await group.triggerGracefulShutdown()
        _ = try? await serving.value
    }

    /// A loopback URL where nothing listens: a port that was free a moment ago.
    public static func closedURL() -> String { "http://127.0.0.1:\(TimmyBinary.freePort())" }
}
