import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmyTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The built `timmy` as a person runs it: `timmy create` killed with SIGKILL during the clips and
/// `timmy projects resume` finishing it, and the acceptance animatic of 180 s.
@Suite("Director from the command line", .serialized)
struct DirectorCLITests {
    /// Rows of the project's steps, read from the database file as another process leaves it.
    static func steps(_ folder: TemporaryDirectory) throws -> [Row] {
        guard FileManager.default.fileExists(atPath: folder.file("data/timmy.sqlite").path) else { return [] }
        let database = try DatabaseQueue(path: folder.file("data/timmy.sqlite").path)
        return try database.read { db in try Row.fetchAll(db, sql: "SELECT kind, ordinal, status, outputs, job_ids FROM project_steps") }
    }

    @Test("kill -9 during the clips, then resume: finished clips keep their hashes and jobs, the rest are made, and the final plays")
    func resumeAfterKill() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // One clip at a time, so the kill lands between clips.
        try folder.write("timmy.toml", "sketch_concurrency = 1\n")
        let process = Process()
        process.executableURL = TimmyBinary.url
        process.arguments = ["create", "a music video about rain on a harbour", "--duration", "30", "--seed", "3", "--backend", "sketch"]
        process.currentDirectoryURL = folder.url
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TIMMY_") }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var finishedBefore: [Int: (hash: String, jobs: String)] = [:]
        let deadline = ContinuousClock.now + .seconds(300)
        while ContinuousClock.now < deadline, process.isRunning {
            let clips = ((try? Self.steps(folder)) ?? []).filter { $0["kind"] as String == "clips" }
            let done = clips.filter { $0["status"] as String == "done" }
            if !done.isEmpty, done.count < clips.count {
                kill(process.processIdentifier, SIGKILL)
                for row in done {
                    let outputs = JSONValue.parse(row["outputs"] as String) ?? .null
                    finishedBefore[row["ordinal"]] = (outputs["assets"]?.arrayValue?.first?["sha256"]?.stringValue ?? "", row["job_ids"])
                }
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "timmy create ended before the kill")
        try #require(!finishedBefore.isEmpty)
        let statuses = try Self.steps(folder).map { $0["status"] as String }
        #expect(statuses.contains("running"))

        let list = try await TimmyBinary.runDetached(["projects", "list", "--json"], in: folder.url)
        let projects = try JSONCoding.decoder().decode(ProjectList.self, from: Data(list.output.utf8))
        let id = try #require(projects.projects.first?.id)
        let resumed = try await TimmyBinary.runDetached(["projects", "resume", id, "--json"], in: folder.url)
        #expect(resumed.status == 0, "\(resumed.output.suffix(2000))")
        let json = String(resumed.output[resumed.output.firstIndex(of: "{")!...])
        let detail = try JSONCoding.decoder().decode(ProjectDetail.self, from: Data(json.utf8))
        #expect(detail.project.status == .completed)
        for step in detail.steps where step.kind == .clips {
            guard let before = finishedBefore[step.ordinal] else { continue }
            #expect(step.outputs["assets"]?.arrayValue?.first?["sha256"]?.stringValue == before.hash, "clip \(step.ordinal) was made again")
            #expect(
                JSONValue.array(step.jobIds.map(JSONValue.string)).jsonText == JSONValue.parse(before.jobs)?.jsonText,
                "clip \(step.ordinal) ran another job")
        }
        #expect(detail.steps.allSatisfy { $0.status == .done })
        let database = try DatabaseQueue(path: folder.file("data/timmy.sqlite").path)
        let interrupted = try await database.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE type = 'creative_step' AND data LIKE '%\"status\":\"interrupted\"%'") ?? 0
        }
        #expect(interrupted >= 2)  // the step that was running and the project
        let info = try MediaProbe.video(URL(fileURLWithPath: try #require(detail.project.finalVideo)))
        #expect(info.codec == "h264" && abs(info.duration - 30) <= 0.1 && info.frames == 720)
    }
}
