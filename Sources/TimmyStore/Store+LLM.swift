import Foundation
import GRDB
import TimmyCore

/// Calls of one model, summed for Spark.
public struct ModelUsageSample: Sendable, Equatable {
    public let provider: String
    public let model: String
    public let calls: Int
    public let failures: Int
    /// Durations of the successful calls, in milliseconds, ascending.
    public let durations: [Double]
    /// Calls whose reply gave token counts, and the sums of those counts.
    public let counted: Int
    public let promptTokens: Int
    public let completionTokens: Int
}

/// How the tasks one planner planned ended.
public struct PlannerSample: Sendable, Equatable {
    /// `llm` or `rules`.
    public let planner: String
    public let completed: Int
    public let failed: Int
}

extension Store {
    /// Stores a model call and emits its `model_call` event.
    @discardableResult
    public func recordModelCall(_ call: ModelCallRecord, agent: String?) async throws -> ModelCallRecord {
        try await write { db, recorder in
            var call = call
            try call.insert(db)
            var data: [String: JSONValue] = [
                "model": .string(call.model), "provider": .string(call.provider), "purpose": .string(call.purpose), "step": .int(call.step),
                "success": .bool(call.success), "duration_ms": .double(call.durationMs),
                "tool_calls": .array(call.toolCalls.map(JSONValue.string)),
            ]
            if let id = call.id { data["call_id"] = .int(Int(id)) }
            if let tokens = call.promptTokens { data["prompt_tokens"] = .int(tokens) }
            if let tokens = call.completionTokens { data["completion_tokens"] = .int(tokens) }
            if let reason = call.doneReason { data["done_reason"] = .string(reason) }
            if let error = call.error { data["error"] = .string(error) }
            if let conversation = call.conversationId { data["conversation_id"] = .string(conversation) }
            try recorder.emit(.modelCall, agent: agent, task: call.taskId, data, importance: call.success ? nil : 0.8)
            return call
        }
    }

    /// The model calls made for a task, in order.
    public func modelCalls(task id: String) async throws -> [ModelCallRecord] {
        try await read { db in try ModelCallRecord.filter(ModelCallRecord.Columns.taskId == id).order(Column("id")).fetchAll(db) }
    }

    /// Appends a message to its conversation.
    @discardableResult
    public func appendChatMessage(_ message: ChatMessageRecord) async throws -> ChatMessageRecord {
        try await write { db, _ in
            var message = message
            try message.insert(db)
            return message
        }
    }

    /// The newest `limit` messages of a conversation, oldest first.
    public func chatMessages(conversation id: String, limit: Int) async throws -> [ChatMessageRecord] {
        try await read { db in
            try ChatMessageRecord.filter(ChatMessageRecord.Columns.conversationId == id)
                .order(ChatMessageRecord.Columns.id.desc).limit(limit).fetchAll(db).reversed()
        }
    }

    /// The conversation with the newest message, if any.
    public func latestConversation() async throws -> String? {
        try await read { db in try String.fetchOne(db, sql: "SELECT conversation_id FROM chat_messages ORDER BY id DESC LIMIT 1") }
    }

    /// Every model's calls, summed.
    public func modelUsage() async throws -> [ModelUsageSample] {
        try await read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT provider, model, success, duration_ms, prompt_tokens, completion_tokens FROM model_calls ORDER BY provider, model")
            var samples: [ModelUsageSample] = []
            for (key, calls) in Dictionary(grouping: rows, by: { [$0["provider"] as String, $0["model"] as String] }).sorted(by: {
                $0.key.lexicographicallyPrecedes($1.key)
            }) {
                let succeeded = calls.filter { $0["success"] as Bool }
                let counted = succeeded.filter { ($0["prompt_tokens"] as Int?) != nil || ($0["completion_tokens"] as Int?) != nil }
                samples.append(
                    ModelUsageSample(
                        provider: key[0], model: key[1], calls: calls.count, failures: calls.count - succeeded.count,
                        durations: succeeded.map { $0["duration_ms"] as Double }.sorted(), counted: counted.count,
                        promptTokens: counted.reduce(0) { $0 + (($1["prompt_tokens"] as Int?) ?? 0) },
                        completionTokens: counted.reduce(0) { $0 + (($1["completion_tokens"] as Int?) ?? 0) }))
            }
            return samples
        }
    }

    /// How finished tasks ended, by the planner that planned them: the model (a task with a planning
    /// call) or the rules (a task with a plan). Tasks no planner served are in neither.
    public func plannerOutcomes() async throws -> [PlannerSample] {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT CASE WHEN EXISTS (SELECT 1 FROM model_calls m WHERE m.task_id = t.id AND m.purpose = 'plan') THEN 'llm'
                                WHEN t.plan != '[]' THEN 'rules' END AS planner,
                           SUM(t.status = 'completed') AS completed, SUM(t.status = 'failed') AS failed
                    FROM tasks t WHERE t.status IN ('completed', 'failed') GROUP BY planner HAVING planner IS NOT NULL ORDER BY planner
                    """)
            return rows.map { PlannerSample(planner: $0["planner"], completed: $0["completed"], failed: $0["failed"]) }
        }
    }
}
