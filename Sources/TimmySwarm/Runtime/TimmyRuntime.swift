import Foundation
import Logging
import TimmyCore
import TimmyCreative
import TimmyFileTools
import TimmyGit
import TimmySpark
import TimmyStore

/// Timmy assembled from settings: the store, the tool registry, the learner, the swarm and Spark.
/// The server and the in-process CLI both run one of these.
public final class TimmyRuntime: Sendable {
    public let settings: Settings
    public let store: Store
    public let registry: ToolRegistry
    public let learner: Learner
    public let swarm: Swarm
    /// The persistent queue that runs image, music and video calls.
    public let jobs: JobRunner
    public let advisor: Advisor
    public let consolidator: MemoryConsolidator
    let startedAt: ContinuousClock.Instant
    let logger: Logger

    /// Every tool family Timmy ships.
    public static let standardTools: [any Tool] = ToolFamilies.standard.flatMap(\.tools)

    /// Opens the store under `data_dir` (or in memory) and loads the learner's records from it.
    public static func open(
        settings: Settings, inMemory: Bool = false, tools: [any Tool] = standardTools, clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger = Logger(label: "timmy")
    ) async throws -> TimmyRuntime {
        let database = inMemory ? try AppDatabase.inMemory() : try AppDatabase.open(directory: settings.dataDirectory)
        let store = Store(database: database)
        let learner = Learner(records: try await store.agentRecords())
        let registry = ToolRegistry(tools)
        let jobs = JobRunner(store: store, registry: registry, settings: settings, logger: logger)
        let swarm = Swarm(
            store: store, registry: registry, planner: DeterministicPlanner(), learner: learner, settings: settings, jobs: jobs, clock: clock,
            logger: logger)
        return TimmyRuntime(settings: settings, store: store, registry: registry, learner: learner, swarm: swarm, jobs: jobs, logger: logger)
    }

    private init(settings: Settings, store: Store, registry: ToolRegistry, learner: Learner, swarm: Swarm, jobs: JobRunner, logger: Logger) {
        self.settings = settings
        self.store = store
        self.registry = registry
        self.learner = learner
        self.swarm = swarm
        self.jobs = jobs
        self.logger = logger
        advisor = Advisor(store: store)
        consolidator = MemoryConsolidator(store: store, learner: learner)
        startedAt = .now
    }

    /// Fails the tasks a previous process left in flight and marks its running jobs interrupted.
    /// Call once, holding the data folder's lock, before accepting work; returns the failed tasks.
    @discardableResult
    public func recoverInterrupted() async throws -> [String] {
        try await jobs.recoverInterrupted()
        return try await swarm.recoverInterrupted()
    }

    /// Runs the swarm, the job queue and Spark's memory consolidation until cancelled or `shutdown()`.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.swarm.run() }
            group.addTask { await self.jobs.run() }
            if settings.sparkEnabled {
                group.addTask { await self.consolidateWhileRunning() }
            }
            await group.next()
            group.cancelAll()
        }
        if settings.sparkEnabled {
            do { try await consolidator.consolidate() } catch { logger.warning("memory consolidation failed: \(error)") }
        }
    }

    public func shutdown() {
        swarm.shutdown()
        jobs.shutdown()
    }

    /// Refreshes memories a few seconds after tasks end, not on every one.
    private func consolidateWhileRunning() async {
        let events = await store.events.subscribe()
        var dirty = false
        var last = ContinuousClock.now
        for await event in events {
            if event.type == SparkEventType.taskCompleted.rawValue || event.type == SparkEventType.taskFailed.rawValue { dirty = true }
            if dirty, ContinuousClock.now - last > .seconds(5) {
                do { try await consolidator.consolidate() } catch { logger.warning("memory consolidation failed: \(error)") }
                dirty = false
                last = .now
            }
        }
    }
}
