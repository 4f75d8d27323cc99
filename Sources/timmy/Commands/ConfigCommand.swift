import ArgumentParser
import TimmyAPI
import TimmyCore
import TimmySwarm

/// `timmy config`: each setting's effective value and where it came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Print every setting's effective value and its source.",
        discussion: "Values come from defaults, then ./timmy.toml, then TIMMY_<KEY> environment variables.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let settings = try options.loadSettings()
        let rows = settings.effective.map { entry in
            (
                key: entry.definition.key,
                value: entry.definition.secret && !entry.value.description.isEmpty ? "(set, hidden)" : entry.value.description,
                source: entry.source.description
            )
        }
        if options.json {
            return Output.json(rows.map { ["key": $0.key, "value": $0.value, "source": $0.source] })
        }
        Output.table(["KEY", "VALUE", "SOURCE"], rows.map { [$0.key, $0.value, $0.source] })
    }
}
