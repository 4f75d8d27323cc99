import ArgumentParser
import TimmyAPI
import TimmyCore
import TimmySwarm

/// `timmy ledger`.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ledger", abstract: "Sats credited to each persona, and the latest entries.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let ledger = try await ServiceConnector.with(options) { try await $0.ledger() }
        if options.json { return Output.json(ledger) }
        if ledger.balances.isEmpty { return print("The ledger is empty: personas are credited when a task they won completes.") }
        print("Balances:")
        Output.table(["AGENT", "SATS", "ENTRIES"], ledger.balances.map { [$0.agent, "\($0.sats)", "\($0.entries)"] })
        print("\nLatest entries:")
        Output.table(
            ["ID", "TIME", "AGENT", "SATS", "TASK", "MEMO"],
            ledger.entries.map { ["\($0.id ?? 0)", Output.date($0.createdAt), $0.agent, "\($0.sats)", $0.taskId ?? "-", $0.memo] })
    }
}
