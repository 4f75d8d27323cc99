/// How often a tool was called and how it went: counts, success rate and duration percentiles
/// (nearest rank, over every recorded call).
public struct UsageFigures: Sendable, Codable, Equatable {
    public let calls: Int
    public let successes: Int
    public let successRate: Double
    public let medianMs: Double
    public let p95Ms: Double

    public init(calls: Int, successes: Int, successRate: Double, medianMs: Double, p95Ms: Double) {
        self.calls = calls
        self.successes = successes
        self.successRate = successRate
        self.medianMs = medianMs
        self.p95Ms = p95Ms
    }
}

/// One agent's figures for one tool.
public struct AgentToolUsage: Sendable, Codable, Equatable {
    public let agent: String
    public let figures: UsageFigures

    public init(agent: String, figures: UsageFigures) {
        self.agent = agent
        self.figures = figures
    }
}

/// A tool's figures over all agents, and per agent (busiest first).
public struct ToolUsage: Sendable, Codable, Equatable {
    public let tool: String
    public let total: UsageFigures
    public let agents: [AgentToolUsage]

    public init(tool: String, total: UsageFigures, agents: [AgentToolUsage]) {
        self.tool = tool
        self.total = total
        self.agents = agents
    }
}

/// Usage of every tool that has been called; a tool never called is absent.
public struct ToolUsageReport: Sendable, Codable, Equatable {
    public let tools: [ToolUsage]

    public init(tools: [ToolUsage]) { self.tools = tools }
}
