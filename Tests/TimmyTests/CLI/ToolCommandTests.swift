import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyCreative
import TimmySwarm
import TimmyTestSupport

@testable import TimmyWeb
@testable import timmy

@Suite("Tool commands built from the declarations")
struct ToolCommandTests {
    /// Splits a command line as a shell would for these examples: spaces, and double quotes around words.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        var started = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character == " ", !quoted {
                if started { words.append(word) }
                word = ""
                started = false
            } else {
                word.append(character)
                started = true
            }
        }
        if started { words.append(word) }
        return words
    }

    @Test("every tool belongs to one family and one command, and every example parses into arguments its tool accepts")
    func examples() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        for file in ["rain.txt", "scenes.txt", "draft.txt"] { try folder.write(file, "a line\nanother line\n") }
        let names = ToolFamilies.standard.flatMap(\.tools).map(\.name)
        #expect(Set(names).count == names.count && names.count == 38)
        for family in ToolFamilies.standard {
            #expect(family.tools.allSatisfy { $0.family == family.name }, "\(family.name)")
            #expect(Set(family.commands.commands.map(\.name)).count == family.commands.commands.count)
            for spec in family.commands.commands {
                #expect(!spec.examples.isEmpty, "\(spec.name) has an example")
                #expect(spec.tool.allowedPersonas.contains(spec.persona), "\(spec.name) runs as a persona that may call it")
                let command = FamilyCommands.commandLine(spec)
                for example in spec.examples {
                    var words = Self.words(example)
                    #expect(words.starts(with: Self.words(command)), "\(example)")
                    words.removeFirst(Self.words(command).count)
                    words.removeAll { $0 == "--json" }
                    if let persona = words.firstIndex(of: "--persona") { words.removeSubrange(persona...persona + 1) }
                    let arguments = try CommandLineInput(spec.tool.inputFields, command: command, base: folder.url).arguments(words)
                    #expect(throws: Never.self, "\(example)") { try spec.tool.check(arguments) }
                }
            }
        }
    }

    @Test("words become typed arguments: positions, options, flags, repeats, short names and files")
    func parsing() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("scenes.txt", "dawn\n\n  noon \n")
        let probe = CommandLineInput(ProbeTool.Input.fields, command: "probe", base: folder.url)
        let arguments = try probe.arguments(["door", "--max-tries", "3", "--reach=0.25", "--mode", "careful", "--tags", "a", "--tags", "b", "--loud"])
        #expect(arguments == ["target": "door", "max_tries": 3, "reach": 0.25, "mode": "careful", "tags": ["a", "b"], "loud": true])
        #expect(try probe.arguments(["door", "--no-loud"]) == ["target": "door", "loud": false])
        let storyboard = CommandLineInput(GenerateStoryboardTool().inputFields, command: "storyboard", base: folder.url)
        #expect(try storyboard.arguments(["scenes.txt", "--width", "512"]) == ["scenes": ["dawn", "noon"], "width": 512])
        let variations = CommandLineInput(ImageVariationsTool().inputFields, command: "variations", base: folder.url)
        #expect(try variations.arguments(["pic.png", "-n", "2"]) == ["image": .string(folder.file("pic.png").path), "count": 2])
        let song = CommandLineInput(GenerateSongTool().inputFields, command: "song", base: folder.url)
        #expect(try song.arguments(["--lyrics-file", "scenes.txt"]) == ["lyrics": "dawn\n\n  noon \n"])
        for (words, message) in [
            (["door", "--speed", "2"], "unknown option '--speed' for probe; see `timmy probe --help`"),
            (["door", "--max-tries", "many"], "--max-tries: 'many' is not a whole number"),
            (["door", "window"], "unexpected argument 'window' for probe; see `timmy probe --help`"),
            (["door", "--max-tries"], "--max-tries needs a value"),
        ] {
            #expect(throws: CommandFailure.self) { try probe.arguments(words) }
            do { _ = try probe.arguments(words) } catch { #expect("\(error)" == message) }
        }
        do {
            _ = try song.arguments(["--lyrics", "la", "--lyrics-file", "scenes.txt"])
            Issue.record("both --lyrics and --lyrics-file were taken")
        } catch {
            #expect("\(error)" == "give the lyrics with --lyrics or --lyrics-file (one of them)")
        }
    }

    @Test("a field added to one tool's input struct reaches the catalog, OpenAPI, the validation and the command's help")
    func oneDeclaration() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let settings = try Settings.load(baseDirectory: folder.url, configFile: nil, environment: ["TIMMY_DATA_DIR": folder.file("data").path])
        let runtime = try await TimmyRuntime.open(settings: settings, tools: TimmyRuntime.standardTools + [ProbeTool()])
        let catalog = try #require(try await runtime.tools(persona: "forge").first { $0.name == "probe" })
        #expect(catalog.parameters["properties"]?["reach"]?["description"] == "how far")
        #expect(catalog.parameters["properties"]?["reach"]?["maximum"] == 1.0)
        let document = OpenAPIDocument.make(tools: runtime.registry.tools.map { ($0.name, $0.parameters.jsonSchema) })
        let openAPI = document["components"]?["schemas"]?[OpenAPIDocument.componentName(tool: "probe")]
        #expect(openAPI?["properties"]?["reach"] == catalog.parameters["properties"]?["reach"] && openAPI?["required"] == ["target"])
        do {
            _ = try await runtime.runTool("probe", persona: "forge", arguments: ["target": "door", "reach": 3])
            Issue.record("reach 3 was accepted")
        } catch let error as ServiceError {
            guard case .invalid(let field, let message) = error else {
                Issue.record("not an input error: \(error)")
                return
            }
            #expect(field == "arguments.reach" && message.contains("between 0 and 1 metres"))
        }
        let help = ToolHelp.discussion(CommandSpec("probe", ProbeTool(), persona: "forge"))
        #expect(help.contains("--reach <number>") && help.contains("how far (in 0-1; default 0.5)"), "\(help)")
        #expect(ToolHelp.usage(CommandSpec("probe", ProbeTool(), persona: "forge"), command: "probe").contains("[--reach <number>]"))
    }
}
