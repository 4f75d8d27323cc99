import TimmyCore

/// A persona with its toolkit.
public struct PersonaView: Sendable, Codable, Equatable {
    public let persona: Persona
    public let tools: [String]
    public let status: AgentStatus?

    public init(persona: Persona, tools: [String], status: AgentStatus?) {
        self.persona = persona
        self.tools = tools
        self.status = status
    }
}

/// A tool as catalogs show it; `parameters` is the JSON schema of its arguments.
public struct ToolView: Sendable, Codable, Equatable {
    public let name: String
    public let family: String
    public let summary: String
    public let parameters: JSONValue
    public let personas: [String]

    public init(name: String, family: String, summary: String, parameters: JSONValue, personas: [String]) {
        self.name = name
        self.family = family
        self.summary = summary
        self.parameters = parameters
        self.personas = personas
    }
}

/// The body of `POST /api/tools/{name}/run`.
public struct ToolRunRequest: Sendable, Codable {
    public let persona: String
    public let arguments: [String: JSONValue]?

    public init(persona: String, arguments: [String: JSONValue]?) {
        self.persona = persona
        self.arguments = arguments
    }
}

/// A direct tool call's outcome: the record and result of a call that ran at once, or the job a
/// queued tool (image, music, video) was given.
public struct ToolRunResponse: Sendable, Codable, Equatable {
    public let call: ToolCallView?
    public let result: ToolResult?
    public let job: JobDetail?

    public init(call: ToolCallView?, result: ToolResult?, job: JobDetail?) {
        self.call = call
        self.result = result
        self.job = job
    }
}
