import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TimmyCore

/// One streamed POST to the model server: JSON out, the answer's lines in, as they arrive. It
/// connects with a bounded retry, gives up when the server is silent for the timeout, and stops
/// when the calling task is cancelled.
struct StreamingPost: Sendable {
    let configuration: LLMConfiguration
    /// Tries at connecting before the server counts as unreachable.
    static let connectAttempts = 3
    /// The most of an error answer read to report it.
    static let errorBodyLimit = 16 << 10

    /// Sends `body` to `url` and hands each line of the answer to `line`, in order.
    func send(
        to url: String, body: JSONValue, headers extra: [(String, String)] = [], line: (String) async throws(LLMError) -> Void
    ) async throws(LLMError) {
        // A client per call: the calls are seconds long, so a pool saves little, and each client is
        // shut down before the call returns instead of living on with nobody to shut it down.
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let outcome: Result<Void, LLMError>
        do throws(LLMError) {
            try await stream(client, url: url, body: body, headers: extra, line: line)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        try? await client.shutdown()
        try outcome.get()
    }

    private var clientConfiguration: HTTPClient.Configuration {
        let timeout = TimeAmount.nanoseconds(Int64(configuration.timeoutSeconds * 1e9))
        var settings = HTTPClient.Configuration(timeout: .init(connect: timeout, read: timeout))
        // The pool would otherwise retry a refused connection until the deadline; the retry here is bounded.
        settings.connectionPool.retryConnectionEstablishment = false
        return settings
    }

    private func stream(
        _ client: HTTPClient, url: String, body: JSONValue, headers extra: [(String, String)], line: (String) async throws(LLMError) -> Void
    ) async throws(LLMError) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body.jsonText))
        let response = try await connect(client, request)
        guard (200..<300).contains(Int(response.status.code)) else {
            let text = (try? await response.body.collect(upTo: Self.errorBodyLimit)).map { String(buffer: $0) } ?? ""
            throw .server(url: configuration.url, status: Int(response.status.code), message: Self.errorMessage(text, status: response.status))
        }
        var pending: [UInt8] = []
        do {
            for try await chunk in response.body {
                pending.append(contentsOf: chunk.readableBytesView)
                while let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let lineBytes = pending[..<end]
                    pending.removeSubrange(...end)
                    try await line(String(decoding: lineBytes.last == UInt8(ascii: "\r") ? lineBytes.dropLast() : lineBytes, as: UTF8.self))
                }
            }
        } catch let error as LLMError {
            throw error
        } catch {
            throw map(error)
        }
        if !pending.isEmpty { try await line(String(decoding: pending, as: UTF8.self)) }
    }

    /// Sends the request, trying again a bounded number of times while the connection cannot be made.
    private func connect(_ client: HTTPClient, _ request: HTTPClientRequest) async throws(LLMError) -> HTTPClientResponse {
        var attempt = 1
        while true {
            do {
                return try await client.execute(request, deadline: .distantFuture)
            } catch {
                let failure = map(error)
                guard case .unreachable = failure, attempt < Self.connectAttempts, !Task.isCancelled else { throw failure }
                do { try await Task.sleep(for: .milliseconds(200 * attempt)) } catch { throw .cancelled }
                attempt += 1
            }
        }
    }

    private func map(_ error: any Error) -> LLMError {
        if Task.isCancelled || error is CancellationError { return .cancelled }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled: return .cancelled
            case .connectTimeout, .readTimeout, .deadlineExceeded:
                return .timedOut(url: configuration.url, seconds: configuration.timeoutSeconds)
            case .remoteConnectionClosed:
                return .malformed(url: configuration.url, reason: "the server closed the connection before the answer ended")
            default: break
            }
        }
        return .unreachable(url: configuration.url, reason: "\(error)")
    }

    /// The `error` an answer's JSON body gives (`{"error": "…"}` or `{"error": {"message": "…"}}`), else its text.
    private static func errorMessage(_ text: String, status: HTTPResponseStatus) -> String {
        if let error = JSONValue.parse(text)?["error"] {
            if let message = error.stringValue ?? error["message"]?.stringValue { return message }
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? status.reasonPhrase : String(trimmed.prefix(500))
    }
}
