import Foundation
import TimmyCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

#if canImport(Glibc)
import Glibc
#endif

/// The built `timmy serve` as a child process in a folder of its own, spoken to over loopback HTTP:
/// for faults that must reach a whole server (a program missing from its PATH, its disk full).
public final class ServedTimmy: Stoppable {
    public let port: Int
    public let log: URL
    private let process: Process

    /// Starts the server in `folder` (which holds its timmy.toml) and waits until it answers `/health`;
    /// it logs to `log` (default: serve-PORT.log in the folder).
    public init(in folder: URL, environment: [String: String] = [:], log: URL? = nil) async throws {
        port = TimmyBinary.freePort()
        self.log = log ?? folder.appendingPathComponent("serve-\(port).log")
        process = try TimmyBinary.serve(in: folder, port: port, log: self.log, environment: environment)
        try await TimmyBinary.waitForHealth(port: port)
    }

    /// True while the process runs and `/health` answers 200.
    public var healthy: Bool {
        get async {
            guard process.isRunning else { return false }
            return (try? await get("/health").status) == 200
        }
    }

    /// GET `path`: the status and the JSON body (null where the body is not JSON).
    public func get(_ path: String) async throws -> (status: Int, body: JSONValue) {
        try await send(URLRequest(url: url(path)))
    }

    /// POST `body` as JSON to `path`.
    public func post(_ path: String, _ body: JSONValue) async throws -> (status: Int, body: JSONValue) {
        var request = URLRequest(url: url(path))
        request.httpMethod = "POST"
        request.httpBody = try JSONCoding.encoder().encode(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.timeoutInterval = 60
        return try await send(request)
    }

    /// Runs a tool through the API and returns its job's id.
    public func startJob(_ tool: String, as persona: String, _ arguments: JSONValue) async throws -> String {
        let answer = try await post("/api/tools/\(tool)/run", ["persona": .string(persona), "arguments": arguments])
        guard answer.status == 202, let id = answer.body["job"]?["job"]?["id"]?.stringValue else {
            throw MediaProbe.ProbeError(message: "\(tool) did not start a job: \(answer.status) \(answer.body)")
        }
        return id
    }

    /// Polls the job until `condition` holds, and returns it.
    public func job(_ id: String, timeout: Duration = Patience.wait, until condition: (JSONValue) -> Bool) async throws -> JSONValue {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let job = try await get("/api/jobs/\(id)").body["job"], condition(job) { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw MediaProbe.ProbeError(message: "job \(id) never reached the expected state in \(timeout)")
    }

    /// Polls the job until it is done, failed, cancelled or interrupted, and returns it.
    public func finishedJob(_ id: String, timeout: Duration = Patience.wait) async throws -> JSONValue {
        try await job(id, timeout: timeout) { !["queued", "running"].contains($0["status"]?.stringValue ?? "queued") }
    }

    /// Posts a task, waiting for the swarm to finish it, and returns the answer (201 with the task detail).
    public func postTask(_ description: String) async throws -> (status: Int, body: JSONValue) {
        try await post("/api/tasks", ["description": .string(description), "wait": true])
    }

    /// Kills the server with SIGKILL, as a crash would, and waits for it to be gone.
    public func kill() async {
        guard process.isRunning else { return }
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        await Task.detached { [process] in process.waitUntilExit() }.value
    }

    /// Stops the server with SIGTERM and waits for it to exit.
    public func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        await Task.detached { [process] in process.waitUntilExit() }.value
    }

    private func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    private func send(_ request: URLRequest) async throws -> (status: Int, body: JSONValue) {
        let (data, response) = try await URLSession.shared.data(for: request)
        let body = (try? JSONCoding.decoder().decode(JSONValue.self, from: data)) ?? .null
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
    }
}
