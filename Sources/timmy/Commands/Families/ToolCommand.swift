import ArgumentParser
import TimmyAPI
import TimmyCore
import TimmySwarm

/// One tool as a command (`timmy git log`, `timmy image`): its options are read from the tool's
/// `Input` and its name, persona and examples from its family's `CommandSpec`. The call goes
/// through the service as a persona, like `timmy tools run`, so it is checked against the toolkit
/// and recorded; a queued tool's job is followed to the end.
struct ToolCommand<Subject: Tool>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        let spec = FamilyCommands.spec(for: Subject.self)
        return CommandConfiguration(
            commandName: spec.name, abstract: spec.tool.summary, usage: ToolHelp.usage(spec, command: FamilyCommands.commandLine(spec)),
            discussion: ToolHelp.discussion(spec))
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: "The persona making the call; its toolkit must hold the tool (default: the command's, named below).")
    var persona: String?

    /// The tool's own arguments, read against its declaration by `CommandLineInput`.
    @Argument(parsing: .allUnrecognized, help: .private)
    var words: [String] = []

    func run() async throws {
        let spec = FamilyCommands.spec(for: Subject.self)
        let arguments = try CommandLineInput(spec.tool.inputFields, command: FamilyCommands.commandLine(spec)).arguments(words)
        let persona = self.persona ?? spec.persona
        let tool = spec.tool.name
        if spec.tool is any QueuedTool {
            return try await JobFollower.run(tool, persona: persona, arguments: arguments, options: global)
        }
        let response = try await ServiceConnector.with(global) { try await $0.runTool(tool, persona: persona, arguments: arguments) }
        if global.json { Output.json(response) } else { print(response.result?.text ?? "") }
    }
}

/// A family's group command (`timmy git`, `timmy files`), named by the type of one of its tools:
/// its commands, and a command per subgroup in the place of that subgroup's first command.
struct GroupCommand<Member: Tool>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        let group = FamilyCommands.family(of: FamilyCommands.spec(for: Member.self).tool).commands
        var seen: Set<String> = []
        let subcommands = group.commands.compactMap { spec -> (any ParsableCommand.Type)? in
            guard let subgroup = spec.subgroup else { return FamilyCommands.command(for: spec.tool) }
            return seen.insert(subgroup.name).inserted ? FamilyCommands.subgroup(of: spec.tool) : nil
        }
        return CommandConfiguration(commandName: group.name, abstract: group.abstract, discussion: group.discussion, subcommands: subcommands)
    }
}

/// A subgroup inside a family's group (`timmy git pr`), named by the type of one of its tools.
struct SubgroupCommand<Member: Tool>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        let spec = FamilyCommands.spec(for: Member.self)
        let members = FamilyCommands.family(of: spec.tool).commands.commands.filter { $0.subgroup == spec.subgroup }
        return CommandConfiguration(
            commandName: spec.subgroup?.name, abstract: spec.subgroup?.abstract ?? "",
            subcommands: members.map { FamilyCommands.command(for: $0.tool) })
    }
}

/// The commands the tool families contribute, built from their declarations.
enum FamilyCommands {
    static let families = ToolFamilies.standard

    /// Top-level commands: a family's group, or its commands themselves when it has no group.
    static var all: [any ParsableCommand.Type] {
        families.flatMap { family -> [any ParsableCommand.Type] in
            guard family.commands.name != nil, let member = family.tools.first else { return family.commands.commands.map { command(for: $0.tool) } }
            return [group(of: member)]
        }
    }

    static func command<T: Tool>(for tool: T) -> any ParsableCommand.Type { ToolCommand<T>.self }

    static func group<T: Tool>(of member: T) -> any ParsableCommand.Type { GroupCommand<T>.self }

    static func subgroup<T: Tool>(of member: T) -> any ParsableCommand.Type { SubgroupCommand<T>.self }

    /// The spec of the command that runs tools of this type.
    static func spec<T: Tool>(for type: T.Type) -> CommandSpec {
        guard let spec = families.lazy.flatMap(\.commands.commands).first(where: { $0.tool is T }) else {
            preconditionFailure("no family command runs \(T.self)")
        }
        return spec
    }

    /// The command as typed after the program name: `git log`, `git pr create`, `image`.
    static func commandLine(_ spec: CommandSpec) -> String {
        ([family(of: spec.tool).commands.name, spec.subgroup?.name].compactMap { $0 } + [spec.name]).joined(separator: " ")
    }

    /// The family a tool belongs to.
    static func family(of tool: any Tool) -> ToolFamily {
        guard let family = families.first(where: { $0.tools.contains { $0.name == tool.name } }) else {
            preconditionFailure("no family holds \(tool.name)")
        }
        return family
    }
}
