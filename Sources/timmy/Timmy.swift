import ArgumentParser
import TimmyAPI

/// The `timmy` command: run the server, post tasks and inspect what the swarm did.
@main
struct Timmy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timmy",
        abstract: "A local-first swarm of agents that bid on your tasks and do them with real tools.",
        discussion: """
            When a Timmy server answers on the configured host and port, commands are sent to it;
            otherwise they run in this process against the same data folder.
            """,
        version: timmyVersion,
        subcommands: [
            ServeCommand.self, TaskCommand.self, ChatCommand.self, PersonasCommand.self, ToolsCommand.self, SparkCommand.self, LedgerCommand.self,
            ConfigCommand.self,
            AssetsCommand.self, JobsCommand.self, ModelsCommand.self, CreateCommand.self, ProjectsCommand.self,
        ] + FamilyCommands.all)
}
