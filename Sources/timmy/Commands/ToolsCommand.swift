import ArgumentParser
import Foundation
import TimmyCore
import TimmySpark
import TimmyStore
import TimmySwarm

/// `timmy tools [--persona ID]` and `timmy tools run NAME`.
struct ToolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tools", abstract: "List the tools, or run one as a persona.", subcommands: [List.self, Run.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every tool with its parameters and allowed personas.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "Only the tools in this persona's toolkit.")
        var persona: String?

        func run() async throws {
            let persona = self.persona
            let tools = try await ServiceConnector.with(options) { try await $0.tools(persona: persona) }
            if options.json { return Output.json(tools) }
            for tool in tools {
                print("\(tool.name)  [\(tool.family)]  \(tool.summary)")
                print("  personas: \(tool.personas.joined(separator: ", "))")
                if case .object(let properties)? = tool.parameters["properties"] {
                    var required: Set<String> = []
                    if case .array(let names)? = tool.parameters["required"] { required = Set(names.compactMap(\.stringValue)) }
                    for (name, schema) in properties.sorted(by: { $0.key < $1.key }) {
                        let type = schema["type"]?.stringValue ?? "?"
                        let note = required.contains(name) ? "required" : "default \(schema["default"].map(JSONCoding.string) ?? "none")"
                        print("  --arg \(name)=<\(type)>  \(schema["description"]?.stringValue ?? "") (\(note))")
                    }
                }
            }
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a tool directly as a persona, under the toolkit rules; the call is recorded.",
            discussion: "Example: timmy tools run read_file --persona echo --arg path=README.md")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The tool's name.")
        var name: String

        @Option(help: "The persona making the call.")
        var persona: String

        @Option(name: .customLong("arg"), help: ArgumentHelp("An argument as key=value; values that parse as JSON are taken as JSON.", valueName: "key=value"))
        var arguments: [String] = []

        func parsedArguments() throws -> [String: JSONValue] {
            var result: [String: JSONValue] = [:]
            for item in arguments {
                guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                    throw ValidationError("--arg '\(item)' must look like key=value")
                }
                let key = String(item[..<equals])
                let text = String(item[item.index(after: equals)...])
                result[key] = (try? JSONCoding.decoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
            }
            return result
        }

        func validate() throws { _ = try parsedArguments() }

        func run() async throws {
            let (name, persona, arguments) = (self.name, self.persona, try parsedArguments())
            // Image, music and video tools run as jobs: follow the job to its end, running the queue here when no server does.
            if TimmyRuntime.standardTools.first(where: { $0.name == name }) is any QueuedTool {
                return try await JobFollower.run(name, persona: persona, arguments: arguments, options: options)
            }
            let response = try await ServiceConnector.with(options, runsSwarm: false) { try await $0.runTool(name, persona: persona, arguments: arguments) }
            if options.json { Output.json(response) } else { print(response.result?.text ?? "") }
        }
    }
}
