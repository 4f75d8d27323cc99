import Foundation
import TimmyAPI
import TimmyCore
import TimmySpark
import TimmyStore

extension TimmyRuntime: TimmyService {
    public func health() async throws -> HealthReport {
        let healthy = await store.isHealthy()
        let counts = (try? await store.taskCounts()) ?? [:]
        let uptime = ContinuousClock.now - startedAt
        return HealthReport(
            status: healthy ? "ok" : "degraded", version: timmyVersion,
            uptimeSeconds: uptime.seconds,
            store: .init(status: healthy ? "ok" : "unreachable", path: store.database.path, tasks: counts.values.reduce(0, +)),
            agents: await agentStatuses())
    }

    public func postTask(_ description: String, wait: Bool) async throws -> TimmyAPI.TaskDetail {
        let task: TaskRecord
        do { task = try await swarm.post(description) } catch let error as TaskInputError {
            throw ServiceError.invalid(field: error.field, message: error.description)
        }
        if wait { _ = try await swarm.wait(for: task.id) }
        return try await self.task(task.id)
    }

    public func tasks(status: TaskStatus?, limit: Int, offset: Int) async throws -> TaskList {
        guard (1...500).contains(limit) else { throw ServiceError.invalid(field: "limit", message: "limit must be between 1 and 500, got \(limit)") }
        guard offset >= 0 else { throw ServiceError.invalid(field: "offset", message: "offset must be 0 or more, got \(offset)") }
        let page = try await store.taskPage(status: status, limit: limit, offset: offset)
        return TaskList(
            tasks: page.tasks.map(TaskView.init), counts: Dictionary(uniqueKeysWithValues: page.counts.map { ($0.key.rawValue, $0.value) }),
            limit: limit,
            offset: offset)
    }

    public func task(_ id: String) async throws -> TimmyAPI.TaskDetail {
        guard let detail = try await store.taskDetail(id) else { throw ServiceError.notFound("no task with id '\(id)'") }
        return TimmyAPI.TaskDetail(detail)
    }

    public func personas() async throws -> [PersonaView] {
        let statuses = Dictionary(uniqueKeysWithValues: await agentStatuses().map { ($0.id, $0) })
        return PersonaCatalog.all.map { PersonaView(persona: $0, tools: registry.toolkit(of: $0.id).sorted(), status: statuses[$0.id]) }
    }

    /// What each bidder is doing: its task from the swarm, and busy too while one of its jobs runs.
    private func agentStatuses() async -> [AgentStatus] {
        let running = (try? await store.jobs(status: .running, limit: 100)) ?? []
        let jobs = Dictionary(running.map { ($0.persona, $0.id) }, uniquingKeysWith: { first, _ in first })
        return await swarm.agentStatuses().map { status in jobs[status.id].map(status.running) ?? status }
    }

    public func tools(persona: String?) async throws -> [ToolView] {
        if let persona, PersonaCatalog.persona(persona) == nil {
            throw ServiceError.invalid(field: "persona", message: ToolError.unknownPersona(persona).description)
        }
        return registry.tools
            .filter { persona == nil || $0.allowedPersonas.contains(persona!.lowercased()) }
            .map { tool in
                ToolView(
                    name: tool.name, family: tool.family, summary: tool.summary, parameters: tool.parameters.jsonSchema,
                    personas: PersonaCatalog.ids.filter(tool.allowedPersonas.contains))
            }
    }

    public func toolUsage() async throws -> ToolUsageReport {
        ToolUsageReport(samples: try await store.toolCallSamples())
    }

    public func runTool(_ name: String, persona: String, arguments: [String: JSONValue]) async throws -> ToolRunResponse {
        let invoker = ToolInvoker(registry: registry, store: store, settings: settings)
        do {
            if registry.tool(named: name) is any QueuedTool {
                let job = try await jobs.submit(tool: name, persona: persona.lowercased(), arguments: arguments, taskID: nil)
                return ToolRunResponse(call: nil, result: nil, job: JobDetail(job: JobView(job), assets: []))
            }
            let invocation = try await invoker.invoke(tool: name, persona: persona.lowercased(), arguments: arguments, taskID: nil)
            guard let result = invocation.result else {
                let message = "\(invocation.record.error ?? "the tool failed") (recorded as tool call \(invocation.record.id ?? 0))"
                throw invocation.record.resultSummary == ToolInvoker.refusedSummary ? ServiceError.forbidden(message) : ServiceError.failed(message)
            }
            return ToolRunResponse(call: ToolCallView(invocation.record), result: result, job: nil)
        } catch let error as ToolError {
            switch error {
            case .unknownTool: throw ServiceError.notFound(error.description)
            case .unknownPersona: throw ServiceError.invalid(field: "persona", message: error.description)
            case .missingArgument(_, let name), .unknownArgument(_, let name, _), .wrongArgumentType(_, let name, _, _),
                .invalidArgument(let name, _):
                throw ServiceError.invalid(field: "arguments.\(name)", message: error.description)
            case .notInToolkit: throw ServiceError.forbidden(error.description)
            case .failed: throw ServiceError.failed(error.description)
            }
        }
    }

    public func sparkStatus() async throws -> SparkStatus {
        SparkStatus(
            enabled: settings.sparkEnabled, events: try await store.eventCount(), memories: try await store.memories().count,
            accuracy: try await predictionAccuracy(), agents: await learner.allRecords())
    }

    public func timeline(type: String?, agent: String?, limit: Int) async throws -> Timeline {
        if let type, SparkEventType(rawValue: type) == nil {
            throw ServiceError.invalid(
                field: "type", message: "unknown event type '\(type)'; types: \(SparkEventType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let agent, PersonaCatalog.persona(agent) == nil {
            throw ServiceError.invalid(field: "agent", message: ToolError.unknownPersona(agent).description)
        }
        guard (1...1000).contains(limit) else {
            throw ServiceError.invalid(field: "limit", message: "limit must be between 1 and 1000, got \(limit)")
        }
        return Timeline(events: try await store.events(type: type, agent: agent?.lowercased(), limit: limit).map(EventView.init))
    }

    public func advisories() async throws -> AdvisoryList {
        guard settings.sparkEnabled else { return AdvisoryList(advisories: [], memories: []) }
        return AdvisoryList(
            advisories: try await advisor.advisories(), memories: try await store.memories().map(MemoryView.init))
    }

    public func predictions(limit: Int) async throws -> PredictionList {
        guard (1...1000).contains(limit) else {
            throw ServiceError.invalid(field: "limit", message: "limit must be between 1 and 1000, got \(limit)")
        }
        return PredictionList(
            predictions: try await store.predictions(limit: limit), accuracy: try await predictionAccuracy())
    }

    public func ledger() async throws -> LedgerView {
        LedgerView(
            balances: try await store.ledgerBalances().map(BalanceView.init), entries: try await store.ledgerEntries().map(LedgerEntryView.init))
    }

    public func auctions(limit: Int) async throws -> AuctionList {
        guard (1...100).contains(limit) else { throw ServiceError.invalid(field: "limit", message: "limit must be between 1 and 100, got \(limit)") }
        return AuctionList(auctions: try await store.recentAuctions(limit: limit).map(AuctionView.init))
    }

    public func events(after: Int64?) async throws -> AsyncThrowingStream<EventView, any Error> {
        // Subscribed before the missed events are read, so one committed in between is not lost;
        // ids already sent are skipped.
        let live = await store.events.subscribe(bufferingNewest: 1000)
        let missed = if let after { try await store.events(after: after) } else { [EventRecord]() }
        return AsyncThrowingStream(bufferingPolicy: .bufferingNewest(1000)) { continuation in
            let feed = Task {
                var last = after ?? 0
                for event in missed {
                    continuation.yield(EventView(event))
                    last = event.id ?? last
                }
                for await event in live {
                    guard let id = event.id, id > last else { continue }
                    continuation.yield(EventView(event))
                    last = id
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in feed.cancel() }
        }
    }

    private func predictionAccuracy() async throws -> PredictionAccuracy {
        PredictionAccuracy(try await store.predictions(limit: 100_000))
    }
}
