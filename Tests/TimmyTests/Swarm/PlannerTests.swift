import Testing
import TimmyAPI
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

    @Test(
        "creative requests become Pixel's, Lyra's and Reel's calls",
        arguments: [
            ("draw a picture of a lighthouse at dusk", "generate_image", ["prompt": "a lighthouse at dusk"]),
            ("sketch a misty forest", "generate_image", ["prompt": "a misty forest"]),
            ("paint a picture of the sea", "generate_image", ["prompt": "the sea"]),
            ("compose a lo-fi track about rain", "generate_instrumental", ["prompt": "rain", "genre": "lo-fi"]),
            ("make a hip hop beat", "generate_instrumental", ["prompt": "an instrumental piece", "genre": "hip-hop"]),
            (
                "write a rock song about summer with lyrics 'hot days / long nights'", "generate_song",
                ["lyrics": "hot days\nlong nights", "genre": "rock", "title": "summer"]
            ),
            ("sing 'hello moon'", "generate_vocals", ["lyrics": "hello moon"]),
            ("make a timelapse video of clouds", "generate_video_clip", ["prompt": "clouds", "style": "timelapse"]),
            ("create a clip of waves in slow motion", "generate_video_clip", ["prompt": "waves in slow motion", "style": "slow-motion"]),
            ("list the genres", "list_genres", [:]),
            ("what are the video styles", "list_video_styles", [:]),
        ] as [(String, String, [String: JSONValue])])
    func creativePlans(_ description: String, _ tool: String, _ arguments: [String: JSONValue]) throws {
        let plan = try #require(planner.plan(description))
        #expect(plan == [PlannedCall(tool: tool, arguments: arguments)])
    }

    @Test("a storyboard request becomes four beats of its subject")
    func storyboardPlan() throws {
        let plan = try #require(planner.plan("draw a storyboard of a sunrise over mountains"))
        #expect(plan.count == 1 && plan[0].tool == "generate_storyboard")
        guard case .array(let scenes)? = plan[0].arguments["scenes"] else {
            Issue.record("no scenes")
            return
        }
        #expect(scenes.count == 4 && scenes.allSatisfy { $0.stringValue?.contains("a sunrise over mountains") == true })
    }

    @Test("requests no rule understands get no plan", arguments: ["paint the fence", "make me a sandwich", "read", "write something"])
    func noPlan(_ description: String) {
        #expect(planner.plan(description) == nil)
    }
}
