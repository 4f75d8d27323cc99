import Foundation
import Logging
import TimmyCore
import TimmyStore

/// The persistent job queue's worker: queued tool calls run here, as many at once per backend as
/// the settings allow (`sketch_concurrency`, `worker_concurrency`), oldest first. Progress goes to
/// the store (and so the event stream); the end of each job records its tool call and assets.
/// Only the process holding the data folder's lock runs one.
public actor JobRunner {
    let store: Store
    let registry: ToolRegistry
    let settings: Settings
    let logger: Logger
    private var running: [String: (lane: String, task: Task<Void, Never>)] = [:]
    /// The tool work of each running job: cancelling it stops the work while the job still records its end.
    var work: [String: Task<(result: ToolResult?, failure: (any Error)?, milliseconds: Double), Never>] = [:]
    /// Set once `run` is ending: jobs stopped then are interrupted, not cancelled.
    var shuttingDown = false
    private let wakeStream: AsyncStream<Void>
    private let wakeContinuation: AsyncStream<Void>.Continuation

    public init(store: Store, registry: ToolRegistry, settings: Settings, logger: Logger = Logger(label: "timmy.jobs")) {
        self.store = store
        self.registry = registry
        self.settings = settings
        self.logger = logger
        (wakeStream, wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Where each job works; removed when it ends, and all of it on recovery.
    var jobsFolder: URL { settings.dataDirectory.appendingPathComponent("jobs") }

    /// How many jobs of a backend may run at once.
    func limit(of lane: String) -> Int {
        switch lane {
        case "sketch": settings[.sketchConcurrency]
        case "worker": settings[.workerConcurrency]
        default: 1
        }
    }

    /// Checks a call completely and stores it as a queued job. Refused input stores nothing; a
    /// persona calling outside its toolkit is recorded as a refused call, as direct calls are.
    public func submit(tool name: String, persona: String, arguments: [String: JSONValue], taskID: String?) async throws -> JobRecord {
        let tool: any Tool
        let checked: ToolArguments
        do {
            (tool, checked) = try registry.prepare(tool: name, persona: persona, arguments: arguments)
        } catch .notInToolkit(let tool, let persona, let allowed) {
            let refusal = ToolError.notInToolkit(tool: tool, persona: persona, allowed: allowed)
            try await store.recordToolCall(
                ToolCallRecord(
                    taskId: taskID, agent: persona, tool: name, arguments: arguments, success: false, resultSummary: ToolInvoker.refusedSummary,
                    error: refusal.description, durationMs: 0, createdAt: Date()))
            throw refusal
        }
        guard let queued = tool as? any QueuedTool else { throw ToolError.failed("\(name) runs at once, not as a job") }
        let ticket = try queued.admit(checked, context: ToolContext(persona: persona, taskID: taskID, settings: settings))
        let job = JobRecord(
            id: UUID().uuidString.lowercased(), tool: name, persona: persona, arguments: ticket.arguments, backend: ticket.backend, taskId: taskID,
            createdAt: Date())
        try await store.insertJob(job)
        wakeContinuation.yield()
        return job
    }

    /// Cancels a queued or running job; a running one is stopped and its child processes killed.
    public func cancel(_ id: String) async throws -> JobRecord {
        let job = try await store.cancelJob(id)
        work[id]?.cancel()
        return job
    }

    /// Queues a failed, cancelled or interrupted job again.
    public func retry(_ id: String) async throws -> JobRecord {
        let job = try await store.retryJob(id)
        wakeContinuation.yield()
        return job
    }

    /// Marks jobs a crash left running as interrupted and clears their scratch folders. Call once,
    /// holding the data folder's lock, before `run`.
    @discardableResult
    public func recoverInterrupted() async throws -> [String] {
        try? FileManager.default.removeItem(at: jobsFolder)
        let ids = try await store.recoverJobs()
        if !ids.isEmpty { logger.warning("marked \(ids.count) job(s) interrupted by restart; retry them with `timmy jobs retry ID`") }
        return ids
    }

    /// Runs queued jobs until cancelled; then stops the running ones, which become `interrupted`.
    public func run() async {
        await schedule()
        for await _ in wakeStream {
            await schedule()
        }
        shuttingDown = true
        for task in work.values { task.cancel() }
        for entry in running.values { await entry.task.value }
    }

    /// Waits until a job has finished (done, failed, cancelled or interrupted) and returns it.
    public nonisolated func wait(for id: String) async throws -> JobRecord {
        let events = await store.events.subscribe()
        guard let job = try await store.job(id) else { throw JobStoreError.notFound(id) }
        if job.status.isFinished { return job }
        for await event in events where event.type == SparkEventType.jobProgress.rawValue && event.data["job_id"]?.stringValue == id {
            if let status = event.data["status"]?.stringValue.flatMap(JobStatus.init(rawValue:)), status.isFinished, let job = try await store.job(id)
            {
                return job
            }
        }
        throw CancellationError()
    }

    private func schedule() async {
        guard !shuttingDown else { return }
        for lane in ["sketch", "worker"] {
            let free = limit(of: lane) - running.values.filter { $0.lane == lane }.count
            guard free > 0 else { continue }
            do {
                // A job retried while its previous attempt is still winding down waits for it.
                for job in try await store.queuedJobs(backend: lane, limit: free + running.count) where running[job.id] == nil {
                    guard running.values.filter({ $0.lane == lane }).count < limit(of: lane) else { break }
                    guard let claimed = try await store.claimJob(job.id) else { continue }
                    running[claimed.id] = (lane, Task { await self.execute(claimed) })
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("could not start queued \(lane) jobs: \(error)")
            }
        }
    }

    func finished(_ id: String) {
        running[id] = nil
        wakeContinuation.yield()
    }

    /// Ends the wake-up stream so `run` returns (graceful shutdown).
    public nonisolated func shutdown() { wakeContinuation.finish() }
}
