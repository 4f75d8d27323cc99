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
        let recorded = arguments.mapValues(Credentials.redact)
        let started = ContinuousClock.now
        let prepared: (tool: any Tool, arguments: ToolArguments)
        do {
            prepared = try registry.prepare(tool: name, persona: persona, arguments: arguments)
        } catch let error {
            guard case .notInToolkit = error else { throw error }
            let record = ToolCallRecord(
                taskId: taskID, agent: persona, tool: name, arguments: recorded, success: false, resultSummary: Self.refusedSummary,
                error: Credentials.redact(error.description), durationMs: 0, createdAt: Date())
            return ToolInvocation(record: record, result: nil)
        }
        let context = ToolContext(persona: persona, taskID: taskID, settings: settings)
        var result: ToolResult?
        var failure: String?
        do {
            result = try await prepared.tool.run(prepared.arguments, context: context)
        } catch {
            failure = "\(error)"
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let record = ToolCallRecord(
            taskId: taskID, agent: persona, tool: name, arguments: recorded, success: result != nil,
            resultSummary: Credentials.redact(result?.summary ?? "failed"), error: failure.map(Credentials.redact), durationMs: milliseconds, createdAt: Date())
        return ToolInvocation(record: record, result: result)
    }
}
