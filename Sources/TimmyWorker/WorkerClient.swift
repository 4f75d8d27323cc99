import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import TimmyCore

/// The worker protocol from Timmy's side (docs/worker-protocol.md): capabilities, a job followed as
/// its event stream, the result files fetched and then removed.
public struct WorkerClient: Sendable {
    public let endpoint: WorkerEndpoint
    private let http = HTTPClient.shared

    public init(endpoint: WorkerEndpoint) {
        self.endpoint = endpoint
    }

    /// One event of a job's stream.
    public struct Event: Sendable {
        public let name: String
        public let data: JSONValue
    }

    /// The worker's device, memory and loaded models, and for each reference whether it can load.
    public func capabilities(models: [String] = []) async throws -> JSONValue {
        let query = models.map { "model=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) }.joined(separator: "&")
        let response = try await http.execute(request("/v1/capabilities" + (query.isEmpty ? "" : "?" + query)), timeout: .seconds(30))
        return try await decode(response)
    }

    /// Runs one job, handing each event to `onEvent`, and returns the `result` event's data. The
    /// worker's refusals and failures are thrown as `WorkerError`; a broken stream is thrown as it came.
    public func run(kind: String, params: [String: JSONValue], onEvent: @Sendable (Event) async throws -> Void) async throws -> JSONValue {
        var submit = request("/v1/jobs", method: .POST)
        submit.headers.add(name: "Content-Type", value: "application/json")
        submit.body = .bytes(ByteBuffer(string: JSONValue.object(["kind": .string(kind), "params": .object(params)]).jsonText))
        let response = try await http.execute(submit, timeout: .hours(12))
        guard response.status == .ok else {
            let body = try await decode(response)
            let error = body["error"]
            let message = error?["message"]?.stringValue ?? "HTTP \(response.status.code)"
            if error?["code"]?.stringValue == "missing_model" { throw WorkerError.missingModel(message) }
            throw WorkerError.jobFailed(code: error?["code"]?.stringValue ?? "http_\(response.status.code)", message: message)
        }
        var parser = EventStreamParser()
        for try await buffer in response.body {
            for event in parser.feed(buffer.readableBytesView) {
                try await onEvent(event)
                switch event.name {
                case "result": return event.data
                case "error":
                    let code = event.data["code"]?.stringValue ?? "failed"
                    let message = event.data["message"]?.stringValue ?? "no reason given"
                    if code == "missing_model" { throw WorkerError.missingModel(message) }
                    throw WorkerError.jobFailed(code: code, message: message)
                default: continue
                }
            }
        }
        throw WorkerError.protocolError("the job's stream ended without a result")
    }

    /// Writes the result file at `path` (a `url` of the result) to `file`.
    public func download(_ path: String, to file: URL) async throws {
        let response = try await http.execute(request(path), timeout: .minutes(10))
        guard response.status == .ok else { throw WorkerError.protocolError("\(path): HTTP \(response.status.code)") }
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else { throw WorkerError.protocolError("cannot write \(file.path)") }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        for try await buffer in response.body { try handle.write(contentsOf: Data(buffer.readableBytesView)) }
    }

    /// Asks the worker to stop a job at its next step.
    public func cancel(job: String) async {
        _ = try? await http.execute(request("/v1/jobs/\(job)/cancel", method: .POST), timeout: .seconds(10))
    }

    /// Removes a finished job's files from the worker.
    public func forget(job: String) async {
        _ = try? await http.execute(request("/v1/jobs/\(job)", method: .DELETE), timeout: .seconds(10))
    }

    private func request(_ path: String, method: HTTPMethod = .GET) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: endpoint.url + path)
        request.method = method
        if let token = endpoint.token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        return request
    }

    private func decode(_ response: HTTPClientResponse) async throws -> JSONValue {
        let body = try await response.body.collect(upTo: 8 << 20)
        guard let value = JSONValue.parse(String(buffer: body)) else {
            throw WorkerError.protocolError("HTTP \(response.status.code) with a body that is not JSON")
        }
        return value
    }
}

/// Splits a Server-Sent Events stream into events as its bytes arrive.
struct EventStreamParser {
    private var pending: [UInt8] = []
    private var name = "message"
    private var data: [String] = []

    mutating func feed(_ bytes: some Sequence<UInt8>) -> [WorkerClient.Event] {
        pending.append(contentsOf: bytes)
        var events: [WorkerClient.Event] = []
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            var line = String(decoding: pending[..<newline], as: UTF8.self)
            pending.removeSubrange(...newline)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty {
                if !data.isEmpty { events.append(.init(name: name, data: JSONValue.parse(data.joined(separator: "\n")) ?? .null)) }
                name = "message"
                data = []
            } else if line.hasPrefix("event:") {
                name = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("data:") {
                data.append(String(line.dropFirst(5).drop { $0 == " " }))
            }
        }
        return events
    }
}
