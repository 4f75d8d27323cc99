import Foundation
import Logging
import Synchronization
import TimmyCore
import TimmyStore

extension Spark {
    /// Reads the store's events until `finish()` or cancellation. Each batch updates the learner and
    /// scores the predictions of the tasks that ended before it is reported handled, so a caller of
    /// `EventBus.settle()` sees both; memories are refreshed a few seconds after tasks end.
    public func run() async {
        let (outcomes, outcome) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await withDiscardingTaskGroup { group in
            if enabled { group.addTask { await self.consolidate(after: outcomes) } }
            while let batch = await reader.next() {
                if await handle(batch) { outcome.yield() }
                if let last = batch.last?.id { await reader.handled(through: last) }
            }
            outcome.finish()
        }
        if enabled { await consolidate() }
    }

    /// Stops reading once the events already committed are handled; `run()` then returns.
    public func finish() async { await reader.close() }

    /// Learns from one batch and scores the predictions of the tasks that ended in it; returns
    /// whether any task ended.
    private func handle(_ batch: [EventRecord]) async -> Bool {
        for outcome in await learner.learn(from: batch) {
            do {
                let keywords = try await store.winningKeywords(task: outcome.task)
                await learner.recordOutcome(agent: outcome.agent, keywords: keywords, success: outcome.success)
            } catch {
                logger.error("could not learn the outcome of task \(outcome.task): \(error)")
            }
        }
        let ended = batch.filter { [SparkEventType.taskCompleted.rawValue, SparkEventType.taskFailed.rawValue].contains($0.type) }
            .compactMap(\.taskId)
        guard !ended.isEmpty else { return false }
        guard enabled else { return true }
        let auctioned = unplannable.withLock { unplannable in ended.filter { unplannable.remove($0) == nil } }
        guard !auctioned.isEmpty else { return true }
        do {
            try await store.scorePredictions(ofTasks: auctioned, score: PredictionScorer.score)
        } catch {
            logger.error("could not score the predictions of \(auctioned.count) task(s): \(error)")
        }
        return true
    }

    /// Refreshes memories when tasks end, at most every five seconds.
    private func consolidate(after outcomes: AsyncStream<Void>) async {
        var last = ContinuousClock.now
        for await _ in outcomes where ContinuousClock.now - last > .seconds(5) {
            await consolidate()
            last = .now
        }
    }

    private func consolidate() async {
        do { try await consolidator.consolidate() } catch { logger.warning("memory consolidation failed: \(error)") }
    }
}
