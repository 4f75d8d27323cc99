/// A tool call's arguments as the caller sent them, already checked against the tool's `Input`:
/// what the swarm records and queues, with the decoded input the tool runs on.
public struct ToolArguments: Sendable {
    public let values: [String: JSONValue]
    /// The arguments decoded as the tool's `Input`, so running the call does not decode them again.
    let input: any ToolInput

    /// Checks raw arguments against the tool's declaration: every name known, each value of its
    /// type, choices and rules, every required one present.
    public init(_ raw: [String: JSONValue], for tool: any Tool) throws(ToolError) {
        input = try tool.decode(raw)
        values = raw
    }
}
