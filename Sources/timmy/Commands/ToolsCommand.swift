import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore
import TimmySpark
import TimmySwarm

/// `timmy tools [--persona ID]`, `timmy tools usage` and `timmy tools run NAME`.
struct ToolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tools", abstract: "List the tools, see how they were used, or run one as a persona.",
        subcommands: [List.self, Usage.self, Run.self], defaultSubcommand: List.self)

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

    struct Usage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Calls, success rate and median and p95 duration of each tool, for all agents and per agent.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let report = try await ServiceConnector.with(options) { try await $0.toolUsage() }
            if options.json { return Output.json(report) }
            guard !report.tools.isEmpty else { return print("No tool has been called yet.") }
            let rows = report.tools.flatMap { usage in
                [Self.row(usage.tool, "all agents", usage.total)] + usage.agents.map { Self.row("", $0.agent, $0.figures) }
            }
            Output.table(["tool", "agent", "calls", "success", "median", "p95"], rows)
        }

        private static func row(_ tool: String, _ agent: String, _ figures: UsageFigures) -> [String] {
            [
                tool, agent, String(figures.calls), "\(Int((figures.successRate * 100).rounded()))%", Statistics.milliseconds(figures.medianMs),
                Statistics.milliseconds(figures.p95Ms),
            ]
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

        @Option(
            name: .customLong("arg"),
            help: ArgumentHelp("An argument as key=value; values that parse as JSON are taken as JSON.", valueName: "key=value"))
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
            let response = try await ServiceConnector.with(options, runsSwarm: false) {
                try await $0.runTool(name, persona: persona, arguments: arguments)
            }
            if options.json { Output.json(response) } else { print(response.result?.text ?? "") }
        }
    }
}
