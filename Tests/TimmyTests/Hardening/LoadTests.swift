import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

/// A minute of load on the real server over loopback: waves of 200 concurrent task posts, 64
/// connections reading the API without pause, and sketch images rendering, all at once. Nothing may
/// fail, no task may be lost or stored twice, and the ledger must add up to the winning bids. The
/// static file's p99 against idle is reported, not asserted: a test never fails on a timing.
@Suite("Load", .serialized)
struct LoadTests {
    /// Seconds of load; `TIMMY_LOAD_SECONDS` shortens it for a quick local run.
    static let seconds = ProcessInfo.processInfo.environment["TIMMY_LOAD_SECONDS"].flatMap(Double.init) ?? 60
    static let wave = 200
    static let readers = 64

    /// What one kind of load did: how many requests or items, and the problems met.
    struct Tally: Sendable {
        var done = 0
        var problems: [String] = []

        mutating func add(_ other: Tally) {
            done += other.done
            problems += other.problems
        }
    }

    @Test("a minute of 200 concurrent posts, 64 readers and creative jobs: no error, no task lost or doubled, the ledger adds up")
    func sustained() async throws {
        try await withStopping(try await LiveServer()) { server in
            let idle = try await Self.staticLatencies(server, until: ContinuousClock.now + .seconds(3))
            let deadline = ContinuousClock.now + .seconds(Self.seconds)
            async let posted = Self.posting(server, until: deadline)
            async let read = Self.reading(server, until: deadline)
            async let made = Self.rendering(server, until: deadline)
            async let loaded = Self.staticLatencies(server, until: deadline)
            let (ids, posts) = try await posted
            let (reads, renders, busy) = try await (read, made, loaded)

            #expect(posts.problems.isEmpty, "\(posts.problems.count) posts failed, the first: \(posts.problems.first ?? "")")
            #expect(reads.problems.isEmpty, "\(reads.problems.count) of \(reads.done) reads failed, the first: \(reads.problems.first ?? "")")
            #expect(renders.problems.isEmpty && renders.done > 0, "\(renders.done) images, problems: \(renders.problems.prefix(3))")
            #expect(ids.count == posts.done && Set(ids).count == ids.count, "every post has its own task")

            let stored = try await server.test.store.read { db -> [String: Int] in
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) AS tasks, COALESCE(SUM(status = 'completed'), 0) AS completed, COALESCE(SUM(winning_bid), 0) AS won,
                               (SELECT COALESCE(SUM(sats), 0) FROM ledger_entries) AS credited,
                               (SELECT COUNT(*) FROM ledger_entries) AS credits,
                               (SELECT COUNT(*) FROM events WHERE type = 'task_assigned') AS assigned
                        FROM tasks
                        """)
                return Dictionary(uniqueKeysWithValues: ["tasks", "completed", "won", "credited", "credits", "assigned"].map { ($0, row?[$0] ?? 0) })
            }
            let count = { (name: String) in stored[name] ?? -1 }
            #expect(count("tasks") == ids.count && count("completed") == ids.count, "no task lost, doubled or left unfinished: \(stored)")
            #expect(count("credits") == ids.count && count("assigned") == ids.count, "one assignment and one credit per task: \(stored)")
            #expect(count("credited") == count("won"), "the ledger's sats are the winning bids': \(stored)")
            let ledger = try await server.json("GET", "/api/ledger").value
            let balances = ledger["balances"]?.arrayValue?.compactMap { $0["sats"]?.intValue }.reduce(0, +)
            #expect(balances == count("credited"), "the balances add up to the entries")

            #expect(idle.problems.isEmpty && busy.problems.isEmpty, "static file: \((idle.problems + busy.problems).prefix(3))")
            let ratio = Self.p99(busy.seconds) / max(Self.p99(idle.seconds), 1e-6)
            print(
                "load: \(ids.count) tasks in waves of \(Self.wave), \(reads.done) reads by \(Self.readers) connections, \(renders.done) images;"
                    + String(
                        format: " static p99 %.1f ms idle, %.1f ms loaded (%.2f×)", Self.p99(idle.seconds) * 1000, Self.p99(busy.seconds) * 1000,
                        ratio))
        }
    }

    /// Posts waves of `wave` tasks at once, each wave finished before the next, until `deadline`.
    private static func posting(_ server: LiveServer, until deadline: ContinuousClock.Instant) async throws -> ([String], Tally) {
        var ids: [String] = []
        var tally = Tally()
        while ContinuousClock.now < deadline {
            let answers = await withTaskGroup(of: Result<String, any Error>.self) { group in
                for index in 0..<wave {
                    group.addTask {
                        let description = index % 2 == 0 ? "list the files in the workspace" : "read README.md"
                        do {
                            let answer = try await server.json("POST", "/api/tasks", ["description": .string(description)])
                            guard answer.status == 201, let id = answer.value["task"]?["id"]?.stringValue else {
                                return .failure(LoadProblem(text: "POST /api/tasks answered \(answer.status): \(answer.value)"))
                            }
                            return .success(id)
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            var posted: [String] = []
            for answer in answers {
                switch answer {
                case .success(let id): posted.append(id)
                case .failure(let error): tally.problems.append("\(error)")
                }
            }
            for id in posted { _ = try await server.test.runtime.swarm.wait(for: id) }
            ids += posted
        }
        tally.done = ids.count
        return (ids, tally)
    }

    /// `readers` connections, each reading the task list and the job queue in turn until `deadline`.
    private static func reading(_ server: LiveServer, until deadline: ContinuousClock.Instant) async throws -> Tally {
        await withTaskGroup(of: Tally.self) { group in
            for reader in 0..<readers {
                group.addTask {
                    var tally = Tally()
                    let path = reader % 2 == 0 ? "/api/tasks?limit=20" : "/api/jobs?limit=20"
                    while ContinuousClock.now < deadline {
                        do {
                            let status = try await server.send("GET", path).status
                            if status != 200 { tally.problems.append("GET \(path) answered \(status)") }
                        } catch {
                            tally.problems.append("GET \(path): \(error)")
                        }
                        tally.done += 1
                    }
                    return tally
                }
            }
            return await group.reduce(into: Tally()) { $0.add($1) }
        }
    }

    /// Sketch images, one after another, until `deadline`.
    private static func rendering(_ server: LiveServer, until deadline: ContinuousClock.Instant) async throws -> Tally {
        var tally = Tally()
        var seed = 1
        while ContinuousClock.now < deadline {
            let arguments: [String: JSONValue] = [
                "prompt": "a harbour at dawn", "width": 512, "height": 512, "seed": .int(seed), "backend": "sketch",
            ]
            let answer = try await server.json("POST", "/api/tools/generate_image/run", ["persona": "pixel", "arguments": .object(arguments)])
            guard answer.status == 202, let id = answer.value["job"]?["job"]?["id"]?.stringValue else {
                tally.problems.append("the image was not queued: \(answer.status) \(answer.value)")
                continue
            }
            let job = try await server.test.runtime.jobs.wait(for: id)
            if job.status == .done { tally.done += 1 } else { tally.problems.append("job \(id) ended \(job.status.rawValue): \(job.error ?? "")") }
            seed += 1
        }
        return tally
    }

    /// The seconds each GET of a small static file took, one every 50 ms until `deadline`, and the answers
    /// that were not 200. It is timed on a thread of its own over one kept-alive connection, as a browser
    /// would ask: the figure is the server's, not a test task's wait for a turn on the pool or for a free
    /// connection of the client that the load shares.
    private static func staticLatencies(
        _ server: LiveServer, until deadline: ContinuousClock.Instant
    ) async throws -> (seconds: [Double], problems: [String]) {
        let connection = try RawConnection(port: server.port)
        defer { connection.close() }
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var seconds: [Double] = []
                var problems: [String] = []
                while ContinuousClock.now < deadline {
                    let start = ContinuousClock.now
                    let answer = connection.exchangeNow("GET /static/icon.svg HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    if answer.text.hasPrefix("HTTP/1.1 200") {
                        seconds.append((ContinuousClock.now - start).seconds)
                    } else {
                        problems.append("GET /static/icon.svg answered \(answer.text.prefix(40))\(answer.closed ? " and closed" : "")")
                        if answer.closed { break }
                    }
                    Thread.sleep(forTimeInterval: 0.05)
                }
                continuation.resume(returning: (seconds, problems))
            }
        }
    }

    private static func p99(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.down)))]
    }
}

/// A load request that was answered but not as it should be.
private struct LoadProblem: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}
