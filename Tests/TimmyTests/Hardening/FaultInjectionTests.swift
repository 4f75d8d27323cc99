import Foundation
import Testing
import TimmyCore
import TimmyTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Faults injected under a real `timmy serve`: a media program missing or killed mid-run, the store
/// held busy by another process or made read-only, a disk filled up. Each ends in a failed
/// job or a refused request that says why; the server keeps serving; nothing already stored is lost.
/// The model worker killed mid-job is WorkerFaultTests'.
@Suite("Injected faults", .serialized)
struct FaultInjectionTests {
    /// A tool run that needs each media program, small enough to be quick.
    static let runs: [(program: String, tool: String, persona: String, arguments: JSONValue)] = [
        ("ffmpeg", "generate_video_clip", "reel", ["prompt": "a harbour at dawn", "duration": 1, "fps": 8, "resolution": "480p", "seed": 1]),
        ("fluidsynth", "generate_instrumental", "lyra", ["prompt": "rain", "genre": "lo-fi", "duration": 10, "seed": 1]),
        ("espeak-ng", "generate_song", "lyra", ["lyrics": "[verse]\nlight on the water\n", "genre": "pop", "duration": 10, "seed": 1]),
    ]

    @Test("ffmpeg, fluidsynth or espeak-ng missing: the job fails naming the program and how to install it; the server goes on")
    func missingProgram() async throws {
        for run in Self.runs {
            let folder = try Self.folder()
            defer { folder.remove() }
            let shelf = try ProgramShelf(in: folder.url, missing: [run.program])
            try await withStopping(try await ServedTimmy(in: folder.url, environment: shelf.environment)) { server in
                let before = try await server.postTask("list the files in the workspace")
                let job = try await server.finishedJob(try await server.startJob(run.tool, as: run.persona, run.arguments))
                let error = job["error"]?.stringValue ?? ""
                #expect(job["status"] == "failed" && error.contains("\(run.program) is not installed"), "\(run.program): \(job)")
                #expect(error.contains("scripts/bootstrap"), "\(error)")
                #expect(await server.healthy)
                try await Self.expectKept(before.body, on: server)
                #expect(Self.mediaFiles(folder).isEmpty, "\(run.program): \(Self.mediaFiles(folder))")
            }
        }
    }

    @Test("ffmpeg, fluidsynth or espeak-ng killed mid-run: the job fails with the signal; earlier assets keep their bytes; the next run works")
    func killedProgram() async throws {
        for run in Self.runs {
            let folder = try Self.folder()
            defer { folder.remove() }
            let shelf = try ProgramShelf(in: folder.url, trapped: [run.program])
            try await withStopping(try await ServedTimmy(in: folder.url, environment: shelf.environment)) { server in
                let first = try await server.finishedJob(try await server.startJob(run.tool, as: run.persona, run.arguments))
                #expect(first["status"] == "done", "\(run.program): \(first)")
                let kept = Self.mediaFiles(folder)
                let hashes = try Self.contents(kept)

                try shelf.arm(run.program)
                let id = try await server.startJob(run.tool, as: run.persona, run.arguments)
                kill(try await shelf.stoppedRun(of: run.program), SIGKILL)
                let killed = try await server.finishedJob(id)
                let error = killed["error"]?.stringValue ?? ""
                #expect(killed["status"] == "failed" && error.contains("\(run.program) failed (killed by signal 9)"), "\(run.program): \(killed)")

                #expect(await server.healthy)
                #expect(try Self.contents(kept) == hashes)
                let again = try await server.finishedJob(try await server.startJob(run.tool, as: run.persona, run.arguments))
                #expect(again["status"] == "done", "\(run.program): \(again)")
                #expect(Self.mediaFiles(folder).count == kept.count * 2, "the killed run left a file: \(Self.mediaFiles(folder))")
            }
        }
    }

    @Test("another process holds the store's lock: a write waits its busy timeout, is refused with 503 saying so, and works once it lets go")
    func storeBusy() async throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        try await withStopping(try await ServedTimmy(in: folder.url)) { server in
            let before = try await server.postTask("list the files in the workspace")
            let holder = try Self.lockHolder(folder.file("data/timmy.sqlite"))
            let refused = try await server.postTask("list the files in the workspace")
            try holder.release()
            #expect(refused.status == 503 && refused.body["error"]?["message"]?.stringValue?.contains("busy") == true, "\(refused)")
            #expect(await server.healthy)
            try await Self.expectKept(before.body, on: server)
            let after = try await server.postTask("list the files in the workspace")
            #expect(after.status == 201 && after.body["task"]?["status"] == "completed", "\(after)")
        }
    }

    @Test("the store's files are made read-only under the server: writes are refused with 503 saying so, reads go on, then writes work again")
    func storeReadOnly() async throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        try await withStopping(try await ServedTimmy(in: folder.url)) { server in
            let before = try await server.postTask("list the files in the workspace")
            // Root ignores mode bits, so the database and its write-ahead log are made immutable.
            let store = ["timmy.sqlite", "timmy.sqlite-wal"].map { folder.file("data/\($0)") }
            let (refused, job) = try await withStopping(try ImmutableFiles(store)) { _ in
                (
                    try await server.postTask("list the files in the workspace"),
                    try await server.post("/api/tools/generate_image/run", ["persona": "pixel", "arguments": Self.image])
                )
            }
            #expect(refused.status == 503 && refused.body["error"]?["message"]?.stringValue?.hasPrefix("the store") == true, "\(refused)")
            #expect(job.status == 503, "\(job)")
            #expect(await server.healthy)
            try await Self.expectKept(before.body, on: server)
            let after = try await server.postTask("list the files in the workspace")
            #expect(after.status == 201 && after.body["task"]?["status"] == "completed", "\(after)")
        }
    }

    @Test("the images folder's disk fills up: the job fails saying so, earlier images keep their bytes, no partial file is left; then it works")
    func mediaDiskFull() async throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        try await withStopping(try SmallDisk(at: folder.file("data/images"), megabytes: 4)) { disk in
            try await withStopping(try await ServedTimmy(in: folder.url)) { server in
                let first = try await server.finishedJob(try await server.startJob("generate_image", as: "pixel", Self.image))
                #expect(first["status"] == "done", "\(first)")
                let kept = Self.mediaFiles(folder)
                let hashes = try Self.contents(kept)
                try disk.fill()
                let media = { Self.mediaFiles(folder).filter { !$0.hasSuffix("/\(SmallDisk.fillerName)") } }
                let full = try await server.finishedJob(try await server.startJob("generate_image", as: "pixel", Self.image))
                #expect(full["status"] == "failed" && (full["error"]?.stringValue ?? "").lowercased().contains("space"), "\(full)")
                #expect(await server.healthy)
                #expect(try Self.contents(kept) == hashes && media() == kept, "\(media())")
                try disk.empty()
                let again = try await server.finishedJob(try await server.startJob("generate_image", as: "pixel", Self.image))
                #expect(again["status"] == "done", "\(again)")
            }
        }
    }

    @Test("the store's disk fills up: writes are refused with 503 saying the disk is full, reads go on, rows stay; then writes work")
    func storeDiskFull() async throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        // The store alone on the small disk; the media folders stay where there is room.
        try folder.write(
            "timmy.toml",
            "creative_backend = \"sketch\"\ndata_dir = \"store\"\nworkspace_dir = \"workspace\"\nseed = \"7\"\n"
                + "image_output_dir = \"\(folder.file("data/images").path)\"\n")
        try await withStopping(try SmallDisk(at: folder.file("store"), megabytes: 8)) { disk in
            try await withStopping(try await ServedTimmy(in: folder.url)) { server in
                let before = try await server.postTask("list the files in the workspace")
                try disk.fill()
                let refused = try await server.postTask("list the files in the workspace")
                let message = refused.body["error"]?["message"]?.stringValue ?? ""
                #expect(refused.status == 503 && message.contains("disk holding the data folder is full"), "\(refused)")
                #expect(await server.healthy)
                try await Self.expectKept(before.body, on: server)
                try disk.empty()
                let after = try await server.postTask("list the files in the workspace")
                #expect(after.status == 201 && after.body["task"]?["status"] == "completed", "\(after)")
            }
        }
    }

    // MARK: - Fixtures

    static let image: JSONValue = ["prompt": "a harbour at dawn", "width": 256, "height": 256, "seed": 1]

    /// A folder with a timmy.toml (sketch backend, data under `data`) and a workspace to list.
    static func folder() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try folder.write("timmy.toml", "creative_backend = \"sketch\"\ndata_dir = \"data\"\nworkspace_dir = \"workspace\"\nseed = \"7\"\n")
        try folder.write("workspace/README.md", "# the workspace\n")
        return folder
    }

    /// The task a first post stored is still there, completed, with its result.
    static func expectKept(_ posted: JSONValue, on server: ServedTimmy) async throws {
        let id = try #require(posted["task"]?["id"]?.stringValue, "\(posted)")
        let task = try await server.get("/api/tasks/\(id)").body["task"]
        #expect(task?["status"] == "completed" && task?["result"] == posted["task"]?["result"], "\(String(describing: task))")
    }

    /// Every file in the media folders (images, music, video), sidecars too.
    static func mediaFiles(_ folder: TemporaryDirectory) -> [String] {
        ["images", "music", "video"].flatMap { kind -> [String] in
            let directory = folder.file("data/\(kind)").path
            return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().map { "\(directory)/\($0)" }
        }
    }

    /// The bytes of each file.
    static func contents(_ paths: [String]) throws -> [Data] { try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } }

    /// `sqlite3` holding an exclusive transaction on the store until released.
    static func lockHolder(_ database: URL) throws -> LockHolder {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("BEGIN EXCLUSIVE;\nSELECT 'locked';\n".utf8))
        // The answer comes once the lock is held.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("locked") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw MediaProbe.ProbeError(message: "sqlite3 ended before it held the lock") }
            seen.append(chunk)
        }
        return LockHolder(process: process, input: input.fileHandleForWriting)
    }

    struct LockHolder {
        let process: Process
        let input: FileHandle

        func release() throws {
            input.write(Data("COMMIT;\n.quit\n".utf8))
            try input.close()
            process.waitUntilExit()
        }
    }
}
