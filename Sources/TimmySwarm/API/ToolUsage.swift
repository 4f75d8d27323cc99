import TimmySpark
import TimmyStore

/// How often a tool was called and how it went: counts, success rate and duration percentiles
/// (nearest rank, over every recorded call).
public struct UsageFigures: Sendable, Codable, Equatable {
    public let calls: Int
    public let successes: Int
    public let successRate: Double
    public let medianMs: Double
    public let p95Ms: Double

    init?(_ samples: some Collection<ToolCallSample>) {
        let durations = samples.map(\.durationMs)
        guard let median = Statistics.median(durations), let p95 = Statistics.percentile(durations, 95) else { return nil }
        calls = samples.count
        successes = samples.count { $0.success }
        successRate = Double(successes) / Double(calls)
        medianMs = median
        p95Ms = p95
    }
}

/// One agent's figures for one tool.
public struct AgentToolUsage: Sendable, Codable, Equatable {
    public let agent: String
    public let figures: UsageFigures
}

/// A tool's figures over all agents, and per agent (busiest first).
public struct ToolUsage: Sendable, Codable, Equatable {
    public let tool: String
    public let total: UsageFigures
    public let agents: [AgentToolUsage]
}

/// Usage of every tool that has been called; a tool never called is absent.
public struct ToolUsageReport: Sendable, Codable, Equatable {
    public let tools: [ToolUsage]

    /// Groups recorded calls by tool and by agent.
    public init(samples: [ToolCallSample]) {
        tools = Dictionary(grouping: samples, by: \.tool).sorted { $0.key < $1.key }.compactMap { tool, calls in
            guard let total = UsageFigures(calls) else { return nil }
            let agents = Dictionary(grouping: calls, by: \.agent)
                .compactMap { agent, calls in UsageFigures(calls).map { AgentToolUsage(agent: agent, figures: $0) } }
                .sorted { ($0.figures.calls, $1.agent) > ($1.figures.calls, $0.agent) }
            return ToolUsage(tool: tool, total: total, agents: agents)
        }
    }
}
