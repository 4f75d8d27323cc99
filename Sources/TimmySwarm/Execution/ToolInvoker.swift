import Foundation
import TimmyCore
import TimmyStore

/// A tool call's record and, when it succeeded, its result.
public struct ToolInvocation: Sendable {
    public let record: ToolCallRecord
    public let result: ToolResult?
}

/// Runs a tool for a persona under the toolkit rules and records every call, failed or not.
public struct ToolInvoker: Sendable {
    /// The result summary of a call refused by the toolkit rules.
    public static let refusedSummary = "refused: not in toolkit"

    let registry: ToolRegistry
    let store: Store
    let settings: Settings

    /// Runs a call and records it. Refuses calls that name no known tool or persona or carry malformed
    /// arguments, storing nothing; everything past that — a toolkit violation or a tool's own failure — is recorded.
    public func invoke(tool name: String, persona: String, arguments: [String: JSONValue], taskID: String?) async throws -> ToolInvocation {
        let invocation = try await perform(tool: name, persona: persona, arguments: arguments, taskID: taskID)
        return ToolInvocation(record: try await store.recordToolCall(invocation.record), result: invocation.result)
    }

    /// Runs a call and returns its record unsaved, for a caller that stores it in a later write.
    func perform(tool name: String, persona: String, arguments: [String: JSONValue], taskID: String?) async throws(ToolError) -> ToolInvocation {
        let started = ContinuousClock.now
        let prepared: (tool: any Tool, arguments: ToolArguments)
        do {
            prepared = try registry.prepare(tool: name, persona: persona, arguments: arguments)
        } catch let error {
            guard case .notInToolkit = error else { throw error }
            let record = ToolCallRecord(
                taskId: taskID, agent: persona, tool: name, arguments: arguments.mapValues(Credentials.redact), success: false,
                resultSummary: Self.refusedSummary,
                error: Credentials.redact(error.description), durationMs: 0, createdAt: Date())
            return ToolInvocation(record: record, result: nil)
        }
        let context = ToolContext(persona: persona, taskID: taskID, settings: settings)
        let run = await Self.execute(prepared.tool, prepared.arguments, context: context, since: started)
        let record = Self.record(
            tool: name, persona: persona, arguments: arguments, taskID: taskID, result: run.result, failure: run.failure,
            milliseconds: run.milliseconds)
        return ToolInvocation(record: record, result: run.result)
    }

    /// Runs a prepared tool and times it from `started`; the tool's own failure is returned, not thrown.
    static func execute(
        _ tool: any Tool, _ arguments: ToolArguments, context: ToolContext, since started: ContinuousClock.Instant
    ) async -> (result: ToolResult?, failure: (any Error)?, milliseconds: Double) {
        var result: ToolResult?
        var failure: (any Error)?
        do {
            result = try await tool.run(arguments, context: context)
        } catch {
            failure = error
        }
        let elapsed = ContinuousClock.now - started
        return (result, failure, elapsed.milliseconds)
    }

    /// The row recording a finished call, with credentials redacted from everything stored.
    static func record(
        tool: String, persona: String, arguments: [String: JSONValue], taskID: String?, result: ToolResult?, failure: (any Error)?,
        milliseconds: Double
    ) -> ToolCallRecord {
        ToolCallRecord(
            taskId: taskID, agent: persona, tool: tool, arguments: arguments.mapValues(Credentials.redact), success: result != nil,
            resultSummary: Credentials.redact(result?.summary ?? "failed"), resultData: result.map { Credentials.redact($0.data) },
            error: failure.map { Credentials.redact("\($0)") },
            durationMs: milliseconds, createdAt: Date())
    }
}
