/// Every tool the swarm can call, and the toolkit each persona holds.
public struct ToolRegistry: Sendable {
    public let tools: [any Tool]
    private let byName: [String: any Tool]
    /// Each persona's toolkit, worked out once: every auction asks for every bidder's.
    private let toolkits: [String: Set<String>]

    public init(_ tools: [any Tool]) {
        self.tools = tools
        byName = Dictionary(tools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var toolkits: [String: Set<String>] = [:]
        for tool in tools {
            for persona in tool.allowedPersonas { toolkits[persona, default: []].insert(tool.name) }
        }
        self.toolkits = toolkits
    }

    public func tool(named name: String) -> (any Tool)? { byName[name] }

    public var names: [String] { tools.map(\.name) }

    /// The names of the tools a persona may call.
    public func toolkit(of persona: String) -> Set<String> { toolkits[persona] ?? [] }

    /// Looks up a tool and checks the persona may call it and the arguments fit it.
    public func prepare(tool name: String, persona: String, arguments: [String: JSONValue]) throws(ToolError) -> (any Tool, ToolArguments) {
        guard let tool = byName[name] else { throw .unknownTool(name, known: names) }
        guard PersonaCatalog.persona(persona) != nil else { throw .unknownPersona(persona) }
        guard tool.allowedPersonas.contains(persona) else {
            throw .notInToolkit(tool: name, persona: persona, allowed: tool.allowedPersonas.sorted())
        }
        return (tool, try ToolArguments(arguments, for: tool))
    }
}
