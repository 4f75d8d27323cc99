import Testing
import TimmyCore
import TimmyStore
import TimmySwarm

@Suite("Deterministic planner")
struct PlannerTests {
    let planner = DeterministicPlanner()

    @Test(
        "direct requests become tool calls",
        arguments: [
            ("list the files in the workspace", "list_files", ["path": "."]),
            ("List files", "list_files", ["path": "."]),
            ("show all files in Sources", "list_files", ["path": "Sources", "recursive": true]),
            ("read README.md", "read_file", ["path": "README.md"]),
            ("show the contents of docs/api.md", "read_file", ["path": "docs/api.md"]),
            ("search for 'TODO' in Sources", "search_files", ["query": "TODO", "path": "Sources"]),
            ("grep hello", "search_files", ["query": "hello", "path": "."]),
            ("write 'hi there' to notes.txt", "write_file", ["path": "notes.txt", "content": "hi there"]),
            ("append \"more\" to notes.txt", "write_file", ["path": "notes.txt", "content": "more", "append": true]),
        ] as [(String, String, [String: JSONValue])])
    func plans(_ description: String, _ tool: String, _ arguments: [String: JSONValue]) throws {
        let plan = try #require(planner.plan(description))
        #expect(plan == [PlannedCall(tool: tool, arguments: arguments)])
    }

    @Test("requests no rule understands get no plan", arguments: ["paint the fence", "make me a sandwich", "read", "write something"])
    func noPlan(_ description: String) {
        #expect(planner.plan(description) == nil)
    }
}
