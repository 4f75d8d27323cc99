import TimmyAPI
import TimmySpark
import TimmyStore

extension UsageFigures {
    /// Counts, success rate and nearest-rank percentiles of some calls; nil for none.
    init?(_ samples: some Collection<ToolCallSample>) {
        let durations = samples.map(\.durationMs)
        guard let median = Statistics.median(durations), let p95 = Statistics.percentile(durations, 95) else { return nil }
        let successes = samples.count { $0.success }
        self.init(
            calls: samples.count, successes: successes, successRate: Double(successes) / Double(samples.count), medianMs: median, p95Ms: p95)
    }
}

extension ToolUsageReport {
    /// Groups recorded calls by tool and by agent.
    public init(samples: [ToolCallSample]) {
        let tools = Dictionary(grouping: samples, by: \.tool).sorted { $0.key < $1.key }.compactMap { tool, calls -> ToolUsage? in
            guard let total = UsageFigures(calls) else { return nil }
            let agents = Dictionary(grouping: calls, by: \.agent)
                .compactMap { agent, calls in UsageFigures(calls).map { AgentToolUsage(agent: agent, figures: $0) } }
                .sorted { ($0.figures.calls, $1.agent) > ($1.figures.calls, $0.agent) }
            return ToolUsage(tool: tool, total: total, agents: agents)
        }
        self.init(tools: tools)
    }
}
