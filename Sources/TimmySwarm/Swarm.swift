import Foundation
import Logging
import Synchronization
import TimmyAPI
import TimmyCore
import TimmySpark
import TimmyStore

/// The swarm: takes posted tasks, plans them, auctions them among the personas able to do them,
/// and has each winner execute its tasks in turn. Every step goes through the store and its events.
public final class Swarm: Sendable {
    /// A posted task travelling from `post` to its auction.
    struct Posted: Sendable {
        /// The task as stored, credentials in URLs redacted.
        let task: TaskRecord
        /// The calls to run, as planned from the words the person wrote.
        let plan: [PlannedCall]
        let contenders: [Contender]
        let ordinal: Int
    }

    /// A won task in its winner's queue.
    struct Assignment: Sendable {
        let task: TaskRecord
        let plan: [PlannedCall]
        let keywords: [String]
    }

    let store: Store
    let registry: ToolRegistry
    let planner: any TaskPlanner
    let learner: Learner
    let sparkEnabled: Bool
    private let bidMaker: BidMaker
    private let auction: Auction
    private let executor: TaskExecutor
    private let workers: [String: AgentWorker]
    private let waiters = CompletionWaiters()
    private let ordinal = Mutex(0)
    private let postedStream: AsyncStream<Posted>
    private let postedContinuation: AsyncStream<Posted>.Continuation
    let logger: Logger

    public init(
        store: Store, registry: ToolRegistry, planner: any TaskPlanner, learner: Learner, settings: Settings, jobs: JobRunner,
        clock: any Clock<Duration> = ContinuousClock(), logger: Logger = Logger(label: "timmy.swarm")
    ) {
        self.store = store
        self.registry = registry
        self.planner = planner
        self.learner = learner
        self.sparkEnabled = settings.sparkEnabled
        self.logger = logger
        bidMaker = BidMaker(learner: learner, seed: settings.seed)
        auction = Auction(window: settings.auctionWindow, clock: clock)
        let invoker = ToolInvoker(registry: registry, store: store, settings: settings)
        executor = TaskExecutor(invoker: invoker, store: store, jobs: jobs)
        workers = Dictionary(uniqueKeysWithValues: PersonaCatalog.bidders.map { ($0.id, AgentWorker(persona: $0)) })
        (postedStream, postedContinuation) = AsyncStream.makeStream(of: Posted.self)
    }

    /// Validates, plans and stores a task, then opens its auction. A task no planner can serve is
    /// stored failed with "no plan for this task" and never auctioned.
    public func post(_ description: String) async throws -> TaskRecord {
        let text = try TaskDescriptionRule.validate(description).get()
        let id = UUID().uuidString.lowercased()
        let now = Date()
        guard let plan = planner.plan(text) else {
            var task = TaskRecord(id: id, description: Credentials.redact(text), status: .failed, plan: [], createdAt: now)
            task.failureReason = "no plan for this task"
            try await store.insertPosted(task, prediction: sparkEnabled ? Predictor.unplannable(taskID: id, at: now) : nil)
            await waiters.finished(task)
            return task
        }
        let contenders = self.contenders(for: text, plan: plan)
        let prediction = sparkEnabled ? await Predictor.predict(taskID: id, contenders: contenders, learner: learner, at: now) : nil
        let stored = plan.map { PlannedCall(tool: $0.tool, arguments: $0.arguments.mapValues(Credentials.redact)) }
        let task = TaskRecord(id: id, description: Credentials.redact(text), status: .bidding, plan: stored, createdAt: now)
        try await store.insertPosted(task, prediction: prediction)
        await waiters.started(id)
        let ordinal = self.ordinal.withLock { value in
            defer { value += 1 }
            return value
        }
        postedContinuation.yield(Posted(task: task, plan: plan, contenders: contenders, ordinal: ordinal))
        return task
    }

    /// The bidders whose toolkits hold every tool of the plan, with the keywords each matched.
    func contenders(for description: String, plan: [PlannedCall]) -> [Contender] {
        let words = WordMatcher(description)
        let needed = Set(plan.map(\.tool))
        return PersonaCatalog.bidders
            .filter { needed.isSubset(of: registry.toolkit(of: $0.id)) }
            .map { Contender(persona: $0, matchedKeywords: $0.matchedKeywords(in: words)) }
    }

    /// Waits until the task is completed or failed, and returns its final record. A task this
    /// process is not working on is returned as stored.
    public func wait(for id: String) async throws -> TaskRecord {
        if let finished = await waiters.waitIfKnown(id) { return finished }
        guard let task = try await store.task(id) else { throw TaskStoreError.notFound(id) }
        return task
    }

    /// Fails tasks a crash left in flight; call once before `run`.
    @discardableResult
    public func recoverInterrupted() async throws -> [String] {
        let ids = try await store.recoverInterrupted(score: PredictionScorer.score)
        if !ids.isEmpty {
            logger.warning("marked \(ids.count) task(s) failed: interrupted by restart", metadata: ["tasks": .string(ids.joined(separator: ","))])
        }
        return ids
    }

    /// What each bidder is doing.
    public func agentStatuses() async -> [AgentStatus] {
        var statuses: [AgentStatus] = []
        for persona in PersonaCatalog.bidders { if let worker = workers[persona.id] { statuses.append(await worker.status) } }
        return statuses
    }

    /// Runs auctions and agents until cancelled or `shutdown()` is called.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for worker in workers.values {
                group.addTask { await worker.run { assignment in await self.execute(assignment, by: worker.persona.id) } }
            }
            for await posted in postedStream {
                group.addTask { await self.runAuction(posted) }
            }
            group.cancelAll()
        }
    }

    /// Stops accepting auctions; `run` returns once running work is cancelled.
    public func shutdown() { postedContinuation.finish() }

    private func runAuction(_ posted: Posted) async {
        let task = posted.task
        do {
            let bids = await auction.collect(from: posted.contenders) { contender, sequence in
                await self.bidMaker.bid(contender, taskID: task.id, ordinal: posted.ordinal, sequence: sequence, at: Date())
            }
            let winner = Auction.winner(of: bids)
            try await store.closeAuction(task: task.id, bids: bids, winner: winner)
            await learner.recordAuction(
                bidders: bids.map(\.agent), winner: winner?.agent, winningBid: winner?.sats, winnerKeywords: winner?.matchedKeywords ?? [])
            guard let winner, let worker = workers[winner.agent] else {
                await finish(task, .failed("no bids: no persona holds the tools this task needs"), keywords: [])
                return
            }
            var assigned = task
            assigned.status = .assigned
            assigned.winner = winner.agent
            assigned.winningBid = winner.sats
            await worker.enqueue(Assignment(task: assigned, plan: posted.plan, keywords: winner.matchedKeywords))
        } catch {
            logger.error("auction for task \(task.id) failed: \(error)")
            await finish(task, .failed("auction failed: \(error)"), keywords: [])
        }
    }

    private func execute(_ assignment: Assignment, by agent: String) async {
        let execution = await executor.execute(assignment.task, plan: assignment.plan, as: agent)
        await finish(assignment.task, execution.outcome, finalCall: execution.finalCall, keywords: assignment.keywords)
    }

    private func finish(_ task: TaskRecord, _ outcome: TaskOutcome, finalCall: ToolCallRecord? = nil, keywords: [String]) async {
        do {
            let finished = try await store.finish(task, outcome, finalCall: finalCall, score: PredictionScorer.score)
            if let winner = finished.winner {
                await learner.recordOutcome(agent: winner, keywords: keywords, success: outcome.status == .completed)
            }
            await waiters.finished(finished)
        } catch {
            logger.error("could not record the end of task \(task.id): \(error)")
        }
    }
}
