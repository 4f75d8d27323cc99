import ArgumentParser

/// `timmy-bench`: measured speed, always against a baseline run in the same process, reported as ratios.
@main
struct TimmyBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timmy-bench",
        abstract: "Benchmarks for Timmy. Build with -c release: `swift run -c release timmy-bench swarm`.",
        subcommands: [
            SwarmBench.self, GitBench.self, HTTPBench.self, CreativeBench.self, AssembleBench.self, DirectorBench.self, WorkerBench.self,
            AllBenchmarks.self,
        ])
}

/// Runs every benchmark in turn.
struct AllBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "all", abstract: "Run every benchmark.")

    func run() async throws {
        for benchmark in TimmyBench.configuration.subcommands where benchmark != AllBenchmarks.self {
            var command = try benchmark.parseAsRoot([])
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        }
    }
}
