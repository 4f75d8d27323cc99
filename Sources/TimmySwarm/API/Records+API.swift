import TimmyAPI
import TimmyCore
import TimmySpark
import TimmyStore

// The store's records as the service contract shows them: one initializer per record, so the
// contract's shape is free to differ from a table's.

extension TaskView {
    init(_ task: TaskRecord) {
        self.init(
            id: task.id, description: task.description, status: task.status, plan: task.plan, winner: task.winner,
            winningBid: task.winningBid, result: task.result, failureReason: task.failureReason, createdAt: task.createdAt,
            updatedAt: task.updatedAt)
    }
}

extension BidView {
    init(_ bid: BidRecord) {
        self.init(
            id: bid.id, taskId: bid.taskId, agent: bid.agent, sats: bid.sats, baseSats: bid.baseSats, learnerFactor: bid.learnerFactor,
            keywordMatched: bid.keywordMatched, matchedKeywords: bid.matchedKeywords, sequence: bid.sequence, createdAt: bid.createdAt)
    }
}

extension ToolCallView {
    init(_ call: ToolCallRecord) {
        self.init(
            id: call.id, taskId: call.taskId, agent: call.agent, tool: call.tool, arguments: call.arguments, success: call.success,
            resultSummary: call.resultSummary, error: call.error, durationMs: call.durationMs, createdAt: call.createdAt)
    }
}

extension EventView {
    init(_ event: EventRecord) {
        self.init(
            id: event.id, type: event.type, agent: event.agent, taskId: event.taskId, data: event.data, importance: event.importance,
            createdAt: event.createdAt)
    }
}

extension TimmyAPI.TaskDetail {
    init(_ detail: TimmyStore.TaskDetail) {
        self.init(
            task: TaskView(detail.task), bids: detail.bids.map(BidView.init), toolCalls: detail.toolCalls.map(ToolCallView.init),
            events: detail.events.map(EventView.init), prediction: detail.prediction)
    }
}

extension AuctionView {
    init(_ auction: AuctionRecord) { self.init(task: TaskView(auction.task), bids: auction.bids.map(BidView.init)) }
}

extension JobView {
    init(_ job: JobRecord) {
        self.init(
            id: job.id, tool: job.tool, persona: job.persona, arguments: job.arguments, backend: job.backend, status: job.status,
            progress: job.progress, message: job.message, result: job.result, error: job.error, attempts: job.attempts, taskId: job.taskId,
            createdAt: job.createdAt, startedAt: job.startedAt, finishedAt: job.finishedAt, updatedAt: job.updatedAt)
    }
}

extension AssetView {
    init(_ asset: AssetRecord, url: String?) {
        self.init(
            id: asset.id, kind: asset.kind, path: asset.path, sidecarPath: asset.sidecarPath, tool: asset.tool, backend: asset.backend,
            model: asset.model, prompt: asset.prompt, params: asset.params, seed: asset.seed, width: asset.width, height: asset.height,
            duration: asset.duration, sourceAssetId: asset.sourceAssetId, jobId: asset.jobId, taskId: asset.taskId,
            toolCallId: asset.toolCallId, createdAt: asset.createdAt, url: url)
    }
}

extension MemoryView {
    init(_ memory: MemoryRecord) {
        self.init(
            id: memory.id, kind: memory.kind, subject: memory.subject, content: memory.content, evidenceCount: memory.evidenceCount,
            createdAt: memory.createdAt, updatedAt: memory.updatedAt)
    }
}

extension LedgerEntryView {
    init(_ entry: LedgerEntry) {
        self.init(id: entry.id, agent: entry.agent, taskId: entry.taskId, sats: entry.sats, memo: entry.memo, createdAt: entry.createdAt)
    }
}

extension BalanceView {
    init(_ balance: LedgerBalance) { self.init(agent: balance.agent, sats: balance.sats, entries: balance.entries) }
}
