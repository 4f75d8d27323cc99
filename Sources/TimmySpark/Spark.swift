import Foundation
import Logging
import Synchronization
import TimmyCore
import TimmyStore

/// Spark as one value: the learner, predictions, their scores and memories. Everything it learns
/// it reads from the store's event stream (see `run()`); the swarm only asks it for bid factors
/// and predictions.
public final class Spark: Sendable {
    public let learner: Learner
    public let consolidator: MemoryConsolidator
    /// Whether predictions, their scores and memories are made (`spark_enabled`); the learner always learns.
    public let enabled: Bool
    let store: Store
    let reader: EventReader
    let logger: Logger
    /// Tasks predicted unplannable: they fail as they are stored, and that failure is not scored.
    let unplannable = Mutex<Set<String>>([])

    private init(store: Store, learner: Learner, enabled: Bool, reader: EventReader, logger: Logger) {
        self.store = store
        self.learner = learner
        self.enabled = enabled
        self.reader = reader
        self.logger = logger
        consolidator = MemoryConsolidator(store: store, learner: learner)
    }

    /// Starts reading the store's events, then loads the learner's records from the store. Open it
    /// before anything writes, so no event is both loaded and read.
    public static func open(store: Store, enabled: Bool = true, logger: Logger = Logger(label: "timmy.spark")) async throws -> Spark {
        let reader = await store.events.reader()
        do {
            let learner = Learner(records: try await store.agentRecords())
            return Spark(store: store, learner: learner, enabled: enabled, reader: reader, logger: logger)
        } catch {
            await reader.close()
            throw error
        }
    }

    /// The learner's factor for a persona's bid, given the keywords the bid matched.
    public func bidFactor(for agent: String, matchedKeywords: [String]) async -> Double {
        await learner.factor(for: agent, matchedKeywords: matchedKeywords)
    }

    /// The prediction to store with a task about to be auctioned; nil when Spark is off.
    public func prediction(forTask id: String, contenders: [Contender], at date: Date) async -> Prediction? {
        guard enabled else { return nil }
        return await Predictor.predict(taskID: id, contenders: contenders, learner: learner, at: date)
    }

    /// The prediction to store with a task no planner can serve; nil when Spark is off.
    public func unplannablePrediction(forTask id: String, at date: Date) async -> Prediction? {
        guard enabled else { return nil }
        unplannable.withLock { _ = $0.insert(id) }
        return Predictor.unplannable(taskID: id, at: date)
    }
}
