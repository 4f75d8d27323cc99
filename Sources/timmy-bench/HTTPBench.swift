import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyWeb

/// HTTP throughput of the real server, in this process on a loopback port with a few hundred tasks and a
/// hundred Director projects stored, driven by wrk: `GET /api/tasks`, `GET /` and the Creative Studio's
/// pages against a baseline, a small static file served from memory.
/// `/api/tasks` is measured twice: with the store idle (answers reused until the next write) and while
/// tasks are posted without pause (every answer read and written afresh); the static file once more while
/// sketch images render on every core.
struct HTTPBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http",
        abstract: "Requests per second and p99 latency of /api/tasks, /, the Studio and a project page under wrk, against a static file."
    )

    @Option(help: "Tasks in the store before measuring.")
    var tasks = 300

    @Option(help: "Director projects in the store before measuring (each stopped after its script).")
    var projects = 100

    @Option(help: "Open connections (wrk -c).")
    var connections = 64

    @Option(help: "wrk threads (wrk -t).")
    var threads = 2

    @Option(help: "Seconds per path (wrk -d).")
    var seconds = 10

    @Option(name: .customLong("path"), help: "A path to measure against the baseline (repeatable); {project} is the newest project's id.")
    var paths = ["/api/tasks", "/", "/creative/ui", "/creative/projects", "/creative/projects/{project}"]

    func run() async throws {
        let wrk = try WrkRunner.locate()
        BenchReport.heading("http: wrk -t\(threads) -c\(connections) -d\(seconds)s --latency, \(tasks) tasks and \(projects) projects stored")
        if let warning = BenchReport.buildWarning { print(warning) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timmy-bench-http-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let runtime = try await seededRuntime(in: folder)
        let (ports, portReady) = AsyncStream.makeStream(of: Int.self)
        let app = try WebApplication.build(
            runtime: runtime,
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, authToken: nil),
            logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
        ) { port in portReady.yield(port) }
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: Logger(label: "bench")))
        let serving = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw ValidationError("the server did not start") }

        let runner = WrkRunner(executable: wrk, threads: threads, connections: connections, seconds: seconds)
        let base = "http://127.0.0.1:\(port)"
        let baseline = try await runner.run(base + "/static/icon.svg")
        BenchReport.line("GET /static/icon.svg (baseline)", baseline.description)
        let newest = try await runtime.projects(limit: 1).projects.first?.id ?? "none"
        for path in paths.map({ $0.replacingOccurrences(of: "{project}", with: newest) }) {
            report("GET \(path)", try await runner.run(base + path), baseline: baseline)
        }
        if paths.contains("/api/tasks") {
            let posting = Task { try await postContinuously(to: runtime) }
            let busy = try await runner.run(base + "/api/tasks")
            posting.cancel()
            let posted = try await posting.value
            report("GET /api/tasks while posting (\(posted) tasks)", busy, baseline: baseline)
        }
        let rendering = Task { try await renderContinuously(on: runtime) }
        let whileRendering = try await runner.run(base + "/static/icon.svg")
        rendering.cancel()
        let rendered = try await rendering.value
        report("GET /static/icon.svg while \(rendered) images render", whileRendering, baseline: baseline)
        await group.triggerGracefulShutdown()
        try await serving.value
    }

    private func report(_ label: String, _ result: WrkRunner.Result, baseline: WrkRunner.Result) {
        BenchReport.line(label, result.description)
        BenchReport.line(
            "  / baseline",
            String(
                format: "%8.2f× the requests/s   %6.2f× the p99",
                result.requestsPerSecond / baseline.requestsPerSecond,
                result.p99Milliseconds / baseline.p99Milliseconds
            )
        )
    }

    /// Keeps as many sketch images rendering as the backend runs at once (one per core) until cancelled: the
    /// server's answers while every core computes pixels. Returns how many were made.
    private func renderContinuously(on runtime: TimmyRuntime) async throws -> Int {
        let arguments: [String: JSONValue] = ["prompt": "a city by the sea under a storm at night", "width": 1024, "height": 1024]
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<ProcessInfo.processInfo.activeProcessorCount {
                group.addTask {
                    var made = 0
                    do {
                        while !Task.isCancelled {
                            guard let job = try await runtime.runTool("generate_image", persona: "pixel", arguments: arguments).job else { break }
                            if try await runtime.jobs.wait(for: job.job.id).status == .done { made += 1 }
                        }
                    } catch is CancellationError {}
                    return made
                }
            }
            return try await group.reduce(0, +)
        }
    }

    /// Posts tasks one after another until cancelled, so the store changes all the time and no answer can
    /// be reused: the figure for a list read afresh. Returns how many were posted.
    private func postContinuously(to runtime: TimmyRuntime) async throws -> Int {
        var posted = 0
        do {
            while !Task.isCancelled {
                _ = try await runtime.swarm.wait(for: try await runtime.swarm.post("list the files in the workspace").id)
                posted += 1
            }
        } catch is CancellationError {}
        return posted
    }

    /// A durable runtime whose store holds `tasks` completed tasks, each with its bids, tool call and events.
    private func seededRuntime(in folder: URL) async throws -> TimmyRuntime {
        let workspace = folder.appendingPathComponent("workspace")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        for index in 0..<5 {
            try "file \(index)\n".write(to: workspace.appendingPathComponent("file\(index).txt"), atomically: true, encoding: .utf8)
        }
        var settings = Settings(baseDirectory: folder)
        try settings.set(.workspaceDir, text: workspace.path, source: .flag("bench"))
        try settings.set(.dataDir, text: folder.appendingPathComponent("data").path, source: .flag("bench"))
        try settings.set(.seed, text: "1", source: .flag("bench"))
        let runtime = try await TimmyRuntime.open(settings: settings)
        let swarm = Task { await runtime.run() }
        for _ in 0..<tasks {
            let posted = try await runtime.swarm.post("list the files in the workspace")
            _ = try await runtime.swarm.wait(for: posted.id)
        }
        for index in 0..<projects {
            let request = CreateProjectRequest(
                prompt: "a sunrise over mountains, take \(index + 1)", duration: 60, backend: "sketch", pauseAfter: "script")
            let id = try await runtime.createProject(request).project.id
            while try await runtime.project(id).project.status == .running { try await Task.sleep(for: .milliseconds(20)) }
        }
        runtime.shutdown()
        await swarm.value
        return try await TimmyRuntime.open(settings: settings)
    }
}
