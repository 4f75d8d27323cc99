/// A tool call's arguments as the caller sent them, already checked against the tool's `Input`:
/// what the swarm records and queues. The tool itself reads them decoded, as its `Input`.
public struct ToolArguments: Sendable {
    public let values: [String: JSONValue]

    /// Checks raw arguments against the tool's declaration: every name known, each value of its
    /// type, choices and rules, every required one present.
    public init(_ raw: [String: JSONValue], for tool: any Tool) throws(ToolError) {
        try tool.check(raw)
        values = raw
    }
}
