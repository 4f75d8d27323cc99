import Foundation
import Testing
import TimmyCore

/// A tool declared only for these tests: every kind of field the declarations use.
struct ProbeTool: Tool {
    enum Mode: String, FieldChoice {
        case fast, careful
    }

    struct Input: ToolInput {
        @Field("what to probe", .positional, .text(maxLength: 10)) var target: String
        @Field("how many times", .within(1...5)) var maxTries = 2
        @Field("how far", .within(0.0...1.0, unit: "metres")) var reach = 0.5
        @Field("how to probe") var mode = Mode.fast
        @Field("a label", .oneOf(["red", "blue"])) var colour: String?
        @Field("extra tags") var tags: [String] = []
        @Field("whether to say so") var loud = false
        init() {}
    }

    let name = "probe"
    let family = "test"
    let summary = "Probe something"
    let allowedPersonas: Set<String> = ["forge"]

    func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        ToolResult(summary: "probed \(input.target) \(input.maxTries) times", text: input.mode.rawValue)
    }
}

@Suite("Typed tool inputs: one declaration gives the schema, the validation and the decoding")
struct ToolInputTests {
    typealias Input = ProbeTool.Input

    @Test("the declaration reads as parameters: wire names, kinds, defaults, choices and rules in schema keywords")
    func parameters() throws {
        let parameters = Dictionary(uniqueKeysWithValues: Input.parameters.map { ($0.name, $0) })
        #expect(Input.parameters.map(\.name) == ["target", "max_tries", "reach", "mode", "colour", "tags", "loud"])
        #expect(parameters["target"]?.required == true && parameters["target"]?.kind == .string && parameters["target"]?.defaultValue == nil)
        #expect(parameters["target"]?.constraints == .init(ControlCharacters.textSchema(maxLength: 10)))
        #expect(parameters["target"]?.schema["pattern"] == .string(ControlCharacters.textSchema(maxLength: nil)["pattern"]?.stringValue ?? ""))
        #expect(parameters["colour"]?.schema["pattern"] == nil, "an enumeration needs no pattern")
        #expect(parameters["tags"]?.schema["items"]?["pattern"] == .string(ControlCharacters.pattern))
        #expect(parameters["max_tries"]?.defaultValue == 2 && parameters["max_tries"]?.constraints == ["minimum": 1, "maximum": 5])
        #expect(parameters["mode"]?.allowed == ["fast", "careful"] && parameters["mode"]?.defaultValue == "fast")
        #expect(parameters["colour"]?.allowed == ["red", "blue"] && parameters["colour"]?.required == false)
        #expect(parameters["tags"]?.kind == .array && parameters["tags"]?.items == .string)
        let schema = Input.parameters.jsonSchema
        #expect(schema["required"] == ["target"] && schema["additionalProperties"] == false)
        #expect(schema["properties"]?["reach"]?["maximum"] == 1.0 && schema["properties"]?["reach"]?["type"] == "number")
    }

    @Test("decoding fills defaults and keeps what was given; arguments give back only that")
    func decoding() throws {
        let input = try Input.decode(["target": "door", "max_tries": 3.0, "mode": "careful", "colour": .null], tool: "probe")
        #expect(input.target == "door" && input.maxTries == 3 && input.mode == .careful && input.colour == nil && input.reach == 0.5)
        #expect(input.arguments == ["target": "door", "max_tries": 3, "mode": "careful"])
        #expect(input.values["reach"] == 0.5 && input.values["colour"] == .null && input.values.count == 7)
        let built = Input.with {
            $0.target = "gate"
            $0.mode = .fast
        }
        #expect(built.arguments == ["target": "gate", "mode": "fast"], "a value set in code is given, even the default")
        #expect(Input.name(of: \.maxTries) == "max_tries" && Input.name(of: \.colour) == "colour")
    }

    @Test(
        "a bad call is refused naming the field and the fix",
        arguments: [
            (["target": "door", "speed": 1], "probe: unknown argument 'speed'; arguments: target, max_tries, reach, mode, colour, tags, loud"),
            ([:], "probe: missing required argument 'target'"),
            (["target": 4], "probe: argument 'target' must be string, got integer"),
            (["target": "door", "max_tries": 2.5], "probe: argument 'max_tries' must be integer, got number"),
            (["target": "door", "max_tries": 9], "argument 'max_tries' must be between 1 and 5, got 9"),
            (["target": "door", "reach": 2], "argument 'reach' must be between 0 and 1 metres, got 2"),
            (["target": "door", "mode": "lazy"], "argument 'mode' must be one of fast, careful, got 'lazy'"),
            (["target": "door", "colour": "green"], "argument 'colour' must be one of red, blue, got 'green'"),
            (["target": "  "], "argument 'target' must not be empty"),
            (["target": "a long door name"], "argument 'target' must be at most 10 characters, got 16"),
            (["target": "door", "tags": ["a", 1]], "argument 'tags' must hold only string items; item 2 is integer"),
            (["target": "door", "loud": "yes"], "probe: argument 'loud' must be boolean, got string"),
            (["target": "do\u{0}or"], "argument 'target' must not contain control characters: U+0000 at character 3"),
            (["target": "\u{1B}[2J"], "argument 'target' must not contain control characters: U+001B at character 1"),
            (["target": "door", "tags": ["ok", "b\u{7F}d"]], "argument 'tags' item 2 must not contain control characters: U+007F at character 2"),
        ] as [([String: JSONValue], String)])
    func refusals(_ arguments: [String: JSONValue], _ message: String) {
        #expect(throws: ToolError.self) { try Input.decode(arguments, tool: "probe") }
        do {
            _ = try Input.decode(arguments, tool: "probe")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a tool runs on its typed input through checked arguments")
    func run() async throws {
        let tool = ProbeTool()
        let arguments = try ToolArguments(["target": "door", "max_tries": 4], for: tool)
        let settings = try Settings.load(baseDirectory: .temporaryDirectory, configFile: nil, environment: [:])
        let result = try await tool.run(arguments, context: ToolContext(persona: "forge", taskID: nil, settings: settings))
        #expect(result.summary == "probed door 4 times" && result.text == "fast")
        #expect(throws: ToolError.missingArgument(tool: "probe", name: "target")) { try ToolArguments([:], for: tool) }
    }
}
