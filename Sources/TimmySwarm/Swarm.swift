import Foundation
import Logging
import Synchronization
import TimmyAPI
import TimmyCore
import TimmyLLM
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

    /// A won task in its winner's queue; an empty plan is the language model's to work out.
    struct Assignment: Sendable {
        let task: TaskRecord
        let plan: [PlannedCall]
    }

    let store: Store
    let registry: ToolRegistry
    let planner: any TaskPlanner
    let advisor: any AuctionAdvisor
    private let bidMaker: BidMaker
    private let auction: Auction
    private let executor: TaskExecutor
    /// Plans and runs the tasks no rule plans, when a language model is configured.
    private let modelExecutor: ModelTaskExecutor?
    private let workers: [String: AgentWorker]
    private let waiters = CompletionWaiters()
    private let ordinal = Mutex(0)
    private let postedStream: AsyncStream<Posted>
    private let postedContinuation: AsyncStream<Posted>.Continuation
    let logger: Logger

    public init(
        store: Store, registry: ToolRegistry, planner: any TaskPlanner, advisor: any AuctionAdvisor, settings: Settings, jobs: JobRunner,
        clock: any Clock<Duration> = ContinuousClock(), logger: Logger = Logger(label: "timmy.swarm"), llm: LLMConfiguration? = nil
    ) {
        self.store = store
        self.registry = registry
        self.planner = planner
        self.advisor = advisor
        self.logger = logger
        bidMaker = BidMaker(advisor: advisor, seed: settings.seed)
        auction = Auction(window: settings.auctionWindow, clock: clock)
        let invoker = ToolInvoker(registry: registry, store: store, settings: settings)
        let executor = TaskExecutor(invoker: invoker, store: store, jobs: jobs)
        self.executor = executor
        modelExecutor = llm.map { ModelTaskExecutor(calls: executor, model: $0.client(), maxSteps: $0.maxSteps) }
        workers = Dictionary(uniqueKeysWithValues: PersonaCatalog.bidders.map { ($0.id, AgentWorker(persona: $0)) })
        (postedStream, postedContinuation) = AsyncStream.makeStream(of: Posted.self)
    }

    /// Validates, plans and stores a task, then opens its auction. The rules plan direct commands;
    /// with a language model configured, any other task goes to auction with no plan, for the model
    /// to work out with the winner's tools. Without one, such a task is stored failed with
    /// "no plan for this task" and never auctioned.
    public func post(_ description: String) async throws -> TaskRecord {
        let text = try TaskDescriptionRule.validate(description).get()
        let id = UUID().uuidString.lowercased()
        let now = Date()
        let plan: [PlannedCall]
        if let planned = planner.plan(text) {
            plan = planned
        } else if modelExecutor != nil {
            plan = []
        } else {
            var task = TaskRecord(id: id, description: Credentials.redact(text), status: .failed, plan: [], createdAt: now)
            task.failureReason = "no plan for this task"
            try await store.insertPosted(task, prediction: await advisor.unplannablePrediction(forTask: id, at: now))
            await waiters.finished(task)
            return task
        }
        let contenders = self.contenders(for: text, plan: plan)
        let prediction = await advisor.prediction(forTask: id, contenders: contenders, at: now)
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

    /// The bidders whose toolkits hold every tool of the plan, with the keywords each matched. A task
    /// left to the model draws the bidders with tools whose keywords it matches, or all of them when it matches none.
    func contenders(for description: String, plan: [PlannedCall]) -> [Contender] {
        let words = WordMatcher(description)
        let needed = Set(plan.map(\.tool))
        let able = PersonaCatalog.bidders.compactMap { persona -> Contender? in
            let toolkit = registry.toolkit(of: persona.id)
            guard !toolkit.isEmpty, needed.isSubset(of: toolkit) else { return nil }
            return Contender(persona: persona, matchedKeywords: persona.matchedKeywords(in: words))
        }
        guard plan.isEmpty else { return able }
        let drawn = able.filter { !$0.matchedKeywords.isEmpty }
        return drawn.isEmpty ? able : drawn
    }

    /// Waits until the task is completed or failed, and returns its final record. A task this
    /// process is not working on is returned as stored. Either way the readers of the event stream
    /// have handled the task's end by then, so Spark's score of its prediction is stored.
    public func wait(for id: String) async throws -> TaskRecord {
        let task: TaskRecord
        if let finished = await waiters.waitIfKnown(id) {
            task = finished
        } else {
            guard let stored = try await store.task(id) else { throw TaskStoreError.notFound(id) }
            task = stored
        }
        await store.events.settle()
        return task
    }

    /// Fails tasks a crash left in flight; call once before `run`.
    @discardableResult
    public func recoverInterrupted() async throws -> [String] {
        let ids = try await store.recoverInterrupted()
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
            guard let winner, let worker = workers[winner.agent] else {
                let reason =
                    posted.contenders.isEmpty
                    ? "no bids: no persona holds the tools this task needs"
                    : "no bids: none of the \(posted.contenders.count) able personas bid within the auction window (\(auction.window))"
                await finish(task, .failed(reason))
                return
            }
            var assigned = task
            assigned.status = .assigned
            assigned.winner = winner.agent
            assigned.winningBid = winner.sats
            await worker.enqueue(Assignment(task: assigned, plan: posted.plan))
        } catch {
            logger.error("auction for task \(task.id) failed: \(error)")
            await finish(task, .failed("auction failed: \(error)"))
        }
    }

    private func execute(_ assignment: Assignment, by agent: String) async {
        let execution =
            if assignment.plan.isEmpty, let modelExecutor {
                await modelExecutor.execute(assignment.task, as: agent)
            } else {
                await executor.execute(assignment.task, plan: assignment.plan, as: agent)
            }
        await finish(assignment.task, execution.outcome, finalCall: execution.finalCall)
    }

    private func finish(_ task: TaskRecord, _ outcome: TaskOutcome, finalCall: ToolCallRecord? = nil) async {
        do {
            let finished = try await store.finish(task, outcome, finalCall: finalCall)
            await waiters.finished(finished)
        } catch {
            logger.error("could not record the end of task \(task.id): \(error)")
        }
    }
}
