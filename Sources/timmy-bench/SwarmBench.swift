import ArgumentParser
import Foundation
import GRDB
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm

/// End-to-end swarm throughput: post → plan → auction (nine bidders) → one real tool call →
/// complete, with every row written; on a durable SQLite file and, as the baseline, in memory.
struct SwarmBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swarm", abstract: "Tasks per second through the whole swarm, durable vs in-memory store.")

    @Option(help: "Tasks per run.")
    var tasks = 4000

    @Option(help: "Tasks in flight at once.")
    var concurrency = 256

    func run() async throws {
        BenchReport.heading("swarm: post → auction → list_files → complete")
        if let warning = BenchReport.buildWarning { print(warning) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timmy-bench-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = folder.appendingPathComponent("workspace")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        for index in 0..<20 {
            try "file \(index)\n".write(to: workspace.appendingPathComponent("file\(index).txt"), atomically: true, encoding: .utf8)
        }

        let memory = try await measure(folder: folder, workspace: workspace, inMemory: true)
        let durable = try await measure(folder: folder, workspace: workspace, inMemory: false)
        BenchReport.line("in-memory store (baseline)", String(format: "%8.0f tasks/s  (%d tasks in %.2f s)", memory.rate, tasks, memory.seconds))
        BenchReport.line(
            "durable SQLite (WAL, synchronous=NORMAL)", String(format: "%8.0f tasks/s  (%d tasks in %.2f s)", durable.rate, tasks, durable.seconds))
        BenchReport.line("durable / in-memory", String(format: "%8.2f×", durable.rate / memory.rate))
        BenchReport.line("rows written per task (durable)", String(format: "%8.1f", durable.rowsPerTask))
    }

    private func measure(folder: URL, workspace: URL, inMemory: Bool) async throws -> (rate: Double, seconds: Double, rowsPerTask: Double) {
        var settings = Settings(baseDirectory: folder)
        try settings.set(.workspaceDir, text: workspace.path, source: .flag("bench"))
        try settings.set(
            .dataDir, text: folder.appendingPathComponent(inMemory ? "unused" : "data-\(UUID().uuidString.prefix(6))").path, source: .flag("bench"))
        try settings.set(.seed, text: "1", source: .flag("bench"))
        let runtime = try await TimmyRuntime.open(settings: settings, inMemory: inMemory)
        let swarm = Task { await runtime.run() }
        let total = tasks
        let width = concurrency
        let (completed, seconds) = try await BenchReport.time {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                var started = 0
                var completed = 0
                func launch() {
                    group.addTask {
                        let posted = try await runtime.swarm.post("list the files in the workspace")
                        return try await runtime.swarm.wait(for: posted.id).status == .completed
                    }
                    started += 1
                }
                while started < min(width, total) { launch() }
                while let ok = try await group.next() {
                    if ok { completed += 1 }
                    if started < total { launch() }
                }
                return completed
            }
        }
        runtime.shutdown()
        await swarm.value
        guard completed == total else { throw ValidationError("only \(completed) of \(total) tasks completed") }
        let rows = try await runtime.store.read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT (SELECT COUNT(*) FROM tasks) + (SELECT COUNT(*) FROM bids) + (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM tool_calls) + (SELECT COUNT(*) FROM ledger_entries) + (SELECT COUNT(*) FROM predictions)"
            ) ?? 0
        }
        return (Double(total) / seconds, seconds, Double(rows) / Double(total))
    }
}
