/// A tool call the planner decided on, before it runs.
public struct PlannedCall: Sendable, Codable, Equatable {
    public let tool: String
    public let arguments: [String: JSONValue]

    public init(tool: String, arguments: [String: JSONValue]) {
        self.tool = tool
        self.arguments = arguments
    }

    /// A call of `tool` with a typed input: `PlannedCall(GitLogTool(), .with { $0.repo = "demo" })`.
    public init<T: Tool>(_ tool: T, _ input: T.Input) {
        self.init(tool: tool.name, arguments: input.arguments)
    }
}
