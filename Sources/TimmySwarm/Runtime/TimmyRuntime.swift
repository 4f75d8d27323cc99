import Foundation
import Logging
import TimmyCore
import TimmyCreative
import TimmyDirector
import TimmyFileTools
import TimmyGit
import TimmyLLM
import TimmySpark
import TimmyStore

/// Timmy assembled from settings: the store, the tool registry, Spark, the swarm and the job queue.
/// The server and the in-process CLI both run one of these. It is where Spark meets the swarm: the
/// swarm asks Spark (as its `AuctionAdvisor`) for bid factors and predictions, and Spark learns
/// only from the store's events.
public final class TimmyRuntime: Sendable {
    public let settings: Settings
    public let store: Store
    public let registry: ToolRegistry
    /// The learner, predictions, their scores and memories, fed by the store's events.
    public let spark: Spark
    public let swarm: Swarm
    /// The persistent queue that runs image, music and video calls.
    public let jobs: JobRunner
    public let advisor: Advisor
    /// The language model for planning, chat and scripts; nil when `llm_provider` is `none`.
    public let llm: LLMConfiguration?
    /// The Creative Director: projects made of steps that run as the personas' jobs.
    public let director: Director
    let startedAt: ContinuousClock.Instant
    let logger: Logger

    /// Every tool family Timmy ships.
    public static let standardTools: [any Tool] = ToolFamilies.standard.flatMap(\.tools)

    /// Opens the store under `data_dir` (or in memory) and Spark on it, which loads the learner's records.
    /// - Parameter environment: where the language model's API key is read from (`TIMMY_LLM_API_KEY`).
    public static func open(
        settings: Settings, inMemory: Bool = false, tools: [any Tool] = standardTools, clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger = Logger(label: "timmy"), environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> TimmyRuntime {
        let llm = try LLMConfiguration.from(settings: settings, environment: environment)
        let database = inMemory ? try AppDatabase.inMemory() : try AppDatabase.open(directory: settings.dataDirectory)
        let store = Store(database: database)
        let spark = try await Spark.open(store: store, enabled: settings.sparkEnabled, logger: logger)
        // The Director's tool is in the registry the Director runs its steps through, so it is connected once both exist.
        let link = DirectorLink()
        let registry = ToolRegistry(tools + [CreateMusicVideoTool(link: link)])
        let jobs = JobRunner(store: store, registry: registry, settings: settings, logger: logger)
        let swarm = Swarm(
            store: store, registry: registry, planner: DeterministicPlanner(), advisor: spark, settings: settings, jobs: jobs, clock: clock,
            logger: logger, llm: llm)
        let writer = llm.map { configuration in
            ScriptWriter(model: configuration.client()) { report in
                _ = try? await store.recordModelCall(ModelCallRecord(report, taskID: nil, conversationID: nil), agent: PersonaCatalog.timmy.id)
            }
        }
        let runner = SwarmStepRunner(jobs: jobs, invoker: ToolInvoker(registry: registry, store: store, settings: settings), store: store)
        let director = Director(store: store, runner: runner, settings: settings, scriptWriter: writer)
        link.connect(director)
        return TimmyRuntime(
            settings: settings, store: store, registry: registry, spark: spark, swarm: swarm, jobs: jobs, director: director, llm: llm,
            logger: logger)
    }

    private init(
        settings: Settings, store: Store, registry: ToolRegistry, spark: Spark, swarm: Swarm, jobs: JobRunner, director: Director,
        llm: LLMConfiguration?, logger: Logger
    ) {
        self.llm = llm
        self.director = director
        self.settings = settings
        self.store = store
        self.registry = registry
        self.spark = spark
        self.swarm = swarm
        self.jobs = jobs
        self.logger = logger
        advisor = Advisor(store: store, patterns: ToolFamilies.standard.flatMap(\.patterns))
        startedAt = .now
    }

    /// Spark's learner.
    public var learner: Learner { spark.learner }

    /// Spark's memory consolidation.
    public var consolidator: MemoryConsolidator { spark.consolidator }

    /// Fails the tasks a previous process left in flight and marks its running jobs, projects and steps interrupted.
    /// Call once, holding the data folder's lock, before accepting work; returns the failed tasks.
    /// Spark learns from and scores those failures once `run()` starts.
    @discardableResult
    public func recoverInterrupted() async throws -> [String] {
        try await jobs.recoverInterrupted()
        let projects = try await director.recoverInterrupted()
        if !projects.isEmpty {
            logger.warning("marked \(projects.count) project(s) interrupted by restart; continue them with `timmy projects resume ID`")
        }
        return try await swarm.recoverInterrupted()
    }

    /// Runs the swarm, the job queue and Spark until cancelled or `shutdown()`; then the Director's
    /// running projects are stopped (interrupted, to resume). Spark stops last, once it has handled
    /// every event the others committed.
    public func run() async {
        async let sparkRun: Void = spark.run()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.swarm.run() }
            group.addTask { await self.jobs.run() }
            await group.next()
            group.cancelAll()
        }
        await director.stop()
        await spark.finish()
        await sparkRun
    }

    public func shutdown() {
        swarm.shutdown()
        jobs.shutdown()
    }
}

extension Spark: AuctionAdvisor {}
