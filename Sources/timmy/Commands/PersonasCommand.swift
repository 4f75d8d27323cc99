import ArgumentParser
import TimmyAPI
import TimmyCore
import TimmySwarm

/// `timmy personas`.
struct PersonasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "personas", abstract: "List the swarm's personas and their toolkits.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let personas = try await ServiceConnector.with(options) { try await $0.personas() }
        if options.json { return Output.json(personas) }
        Output.table(
            ["ID", "ROLE", "RATE", "BID BASE", "JITTER", "STATUS", "TOOLS"],
            personas.map {
                [
                    $0.persona.id, $0.persona.role, "\($0.persona.rateSats)", $0.persona.bids ? "\($0.persona.bidBase)" : "never bids",
                    "\($0.persona.bidJitter)", $0.status?.status ?? "-", $0.tools.joined(separator: ","),
                ]
            })
    }
}
