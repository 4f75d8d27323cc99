import TimmyCore

/// A tool as a model is told of it: name, what it does, and the JSON schema of its arguments.
public struct ToolSpec: Sendable, Equatable {
    public let name: String
    public let summary: String
    public let parameters: JSONValue

    public init(name: String, summary: String, parameters: JSONValue) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
    }

    /// The spec of a tool, from its typed declaration.
    public init(_ tool: any Tool) {
        self.init(name: tool.name, summary: tool.summary, parameters: tool.parameters.jsonSchema)
    }

    /// The `{"type": "function", "function": {…}}` object both wire formats take.
    var wireValue: JSONValue {
        ["type": "function", "function": ["name": .string(name), "description": .string(summary), "parameters": parameters]]
    }
}
