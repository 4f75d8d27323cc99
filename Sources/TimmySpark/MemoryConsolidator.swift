import Foundation
import TimmyCore
import TimmyStore

/// Turns records into lasting memories: one per persona's record and one per tool's reliability.
/// Each memory is keyed by (kind, subject), so consolidating again refreshes it instead of adding a copy.
public struct MemoryConsolidator: Sendable {
    let store: Store
    let learner: Learner

    public init(store: Store, learner: Learner) {
        self.store = store
        self.learner = learner
    }

    /// Writes the current memories; returns how many were written or refreshed.
    @discardableResult
    public func consolidate(at date: Date = Date()) async throws -> Int {
        var memories: [MemoryRecord] = []
        for (agent, record) in await learner.allRecords().sorted(by: { $0.key < $1.key }) where record.outcomes > 0 {
            let name = PersonaCatalog.persona(agent)?.name ?? agent
            let percent = Int(((record.successRate ?? 0) * 100).rounded())
            let strongest = record.keywordCompletions.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
            var content = "\(name) completed \(record.completions) of \(record.outcomes) tasks it won (\(percent)%)"
            if let strongest { content += "; most completions on '\(strongest.key)' (\(strongest.value))" }
            memories.append(MemoryRecord(kind: "agent_record", subject: agent, content: content + ".", evidenceCount: record.outcomes, at: date))
        }
        for (tool, calls, failures) in try await store.toolCallCounts() {
            let content = "\(tool) succeeded in \(calls - failures) of \(calls) calls."
            memories.append(MemoryRecord(kind: "tool_reliability", subject: tool, content: content, evidenceCount: calls, at: date))
        }
        for memory in memories { try await store.consolidate(memory) }
        return memories.count
    }
}
