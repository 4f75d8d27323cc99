import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmyTestSupport

/// The built `timmy serve`, killed with SIGKILL in the middle of a job.
@Suite("Job recovery across kill -9", .serialized)
struct JobRecoveryTests {
    @Test("a job killed mid-run is interrupted after restart and succeeds on retry; a queued job runs after restart")
    func killAndRecover() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("timmy.toml", "sketch_concurrency = 1\n")
        let (clipID, imageID) = try await withStopping(try await ServedTimmy(in: folder.url, log: folder.file("serve.log"))) { server in
            let clipID = try await server.startJob(
                "generate_video_clip", as: "reel", ["prompt": "hills at dusk", "duration": 10, "fps": 30, "seed": 4])
            let imageID = try await server.startJob("generate_image", as: "pixel", ["prompt": "a field", "width": 256, "height": 256])
            _ = try await server.job(clipID) { $0["status"] == "running" && ($0["progress"]?.doubleValue ?? 0) > 0.15 }
            await server.kill()
            return (clipID, imageID)
        }
        let before = try Self.statuses(folder)
        #expect(before[clipID] == "running" && before[imageID] == "queued")

        try await withStopping(try await ServedTimmy(in: folder.url, log: folder.file("serve2.log"))) { restarted in
            let interrupted = try await restarted.get("/api/jobs/\(clipID)").body["job"]
            #expect(interrupted?["status"] == "interrupted" && interrupted?["error"] == "interrupted by restart")
            _ = try await restarted.job(imageID) { $0["status"] == "done" }
            #expect(try await restarted.get("/api/jobs/\(imageID)").body["assets"]?[0]?["kind"] == "image")

            _ = try await restarted.post("/api/jobs/\(clipID)/retry", [:])
            _ = try await restarted.job(clipID) { $0["status"] == "done" }
            let retried = try await restarted.get("/api/jobs/\(clipID)").body
            #expect(retried["job"]?["attempts"] == 2)
            let path = try #require(retried["assets"]?[0]?["path"]?.stringValue)
            let info = try MediaProbe.video(URL(fileURLWithPath: path))
            #expect(info.frames == 300 && info.codec == "h264")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("data/video").path).count == 2)  // the clip and its sidecar
            let log = try String(contentsOf: folder.file("serve2.log"), encoding: .utf8)
            #expect(log.contains("marked 1 job(s) interrupted by restart"))
        }
    }

    static func statuses(_ folder: TemporaryDirectory) throws -> [String: String] {
        let database = try DatabaseQueue(path: folder.file("data/timmy.sqlite").path)
        return try database.read { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, status FROM jobs").map { ($0["id"] as String, $0["status"] as String) })
        }
    }
}
