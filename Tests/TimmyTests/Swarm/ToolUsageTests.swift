import Testing
import TimmyAPI
import TimmySwarm

@testable import TimmyStore

@Suite("Tool usage figures")
struct ToolUsageTests {
    @Test("calls, success rate, median and p95 per tool and per agent, busiest agent first; uncalled tools absent")
    func figures() {
        let samples =
            (1...20).map { ToolCallSample(tool: "read_file", agent: "echo", success: $0 != 20, durationMs: Double($0)) }
            + [ToolCallSample(tool: "read_file", agent: "quill", success: true, durationMs: 100)]
            + [ToolCallSample(tool: "list_files", agent: "quill", success: false, durationMs: 0.5)]
        let report = ToolUsageReport(samples: samples)
        #expect(report.tools.map(\.tool) == ["list_files", "read_file"])
        let read = report.tools[1]
        #expect(read.total.calls == 21 && read.total.successes == 20)
        #expect(read.total.medianMs == 11 && read.total.p95Ms == 20)
        #expect(read.agents.map(\.agent) == ["echo", "quill"])
        #expect(read.agents[0].figures.successRate == 0.95 && read.agents[0].figures.medianMs == 10 && read.agents[0].figures.p95Ms == 19)
        #expect(report.tools[0].total.successRate == 0)
        #expect(ToolUsageReport(samples: []).tools.isEmpty)
    }
}
