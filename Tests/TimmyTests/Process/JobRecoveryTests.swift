import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmyTestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `timmy serve`, killed with SIGKILL in the middle of a job.
@Suite("Job recovery across kill -9", .serialized)
struct JobRecoveryTests {
    @Test("a job killed mid-run is interrupted after restart and succeeds on retry; a queued job runs after restart")
    func killAndRecover() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("timmy.toml", "sketch_concurrency = 1\n")
        let port = TimmyBinary.freePort()
        let server = try TimmyBinary.serve(in: folder.url, port: port, log: folder.file("serve.log"))
        try await TimmyBinary.waitForHealth(port: port)
        let clip = try await Self.post(
            port, "/api/tools/generate_video_clip/run",
            ["persona": "reel", "arguments": ["prompt": "hills at dusk", "duration": 10, "fps": 30, "seed": 4]])
        let clipID = try #require(clip["job"]?["job"]?["id"]?.stringValue)
        let image = try await Self.post(
            port, "/api/tools/generate_image/run", ["persona": "pixel", "arguments": ["prompt": "a field", "width": 256, "height": 256]])
        let imageID = try #require(image["job"]?["job"]?["id"]?.stringValue)
        try await Self.waitFor(port, clipID) { $0["status"] == "running" && ($0["progress"]?.doubleValue ?? 0) > 0.15 }
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        let before = try Self.statuses(folder)
        #expect(before[clipID] == "running" && before[imageID] == "queued")

        let restarted = try TimmyBinary.serve(in: folder.url, port: port, log: folder.file("serve2.log"))
        defer {
            restarted.terminate()
            restarted.waitUntilExit()
        }
        try await TimmyBinary.waitForHealth(port: port)
        let interrupted = try await Self.get(port, "/api/jobs/\(clipID)")["job"]
        #expect(interrupted?["status"] == "interrupted" && interrupted?["error"] == "interrupted by restart")
        try await Self.waitFor(port, imageID) { $0["status"] == "done" }
        #expect(try await Self.get(port, "/api/jobs/\(imageID)")["assets"]?[0]?["kind"] == "image")

        _ = try await Self.post(port, "/api/jobs/\(clipID)/retry", [:])
        try await Self.waitFor(port, clipID, timeout: .seconds(120)) { $0["status"] == "done" }
        let retried = try await Self.get(port, "/api/jobs/\(clipID)")
        #expect(retried["job"]?["attempts"] == 2)
        let path = try #require(retried["assets"]?[0]?["path"]?.stringValue)
        let info = try MediaProbe.video(URL(fileURLWithPath: path))
        #expect(info.frames == 300 && info.codec == "h264")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("data/video").path).count == 2)  // the clip and its sidecar
        let log = try String(contentsOf: folder.file("serve2.log"), encoding: .utf8)
        #expect(log.contains("marked 1 job(s) interrupted by restart"))
    }

    static func statuses(_ folder: TemporaryDirectory) throws -> [String: String] {
        let database = try DatabaseQueue(path: folder.file("data/timmy.sqlite").path)
        return try database.read { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, status FROM jobs").map { ($0["id"] as String, $0["status"] as String) })
        }
    }

    static func post(_ port: Int, _ path: String, _ body: [String: JSONValue]) async throws -> JSONValue {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.httpBody = try JSONCoding.encoder().encode(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, _) = try await URLSession.shared.data(for: request)
        return try JSONCoding.decoder().decode(JSONValue.self, from: data)
    }

    static func get(_ port: Int, _ path: String) async throws -> JSONValue {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return try JSONCoding.decoder().decode(JSONValue.self, from: data)
    }

    static func waitFor(_ port: Int, _ id: String, timeout: Duration = .seconds(60), _ condition: (JSONValue) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let job = try await get(port, "/api/jobs/\(id)")["job"], condition(job) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw MediaProbe.ProbeError(message: "job \(id) never reached the expected state")
    }
}
