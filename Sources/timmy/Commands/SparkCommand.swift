import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

/// `timmy spark status|timeline|advisories|predictions`.
struct SparkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spark", abstract: "What Spark recorded, predicted and learned.",
        subcommands: [Status.self, TimelineCommand.self, Advisories.self, Predictions.self], defaultSubcommand: Status.self)

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Event counts, prediction accuracy and each persona's record.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let status = try await ServiceConnector.with(options) { try await $0.sparkStatus() }
            if options.json { return Output.json(status) }
            print("Spark \(status.enabled ? "enabled" : "disabled"): \(status.events) events, \(status.memories) memories")
            SparkCommand.printAccuracy(status.accuracy)
            let rows = status.agents.sorted { $0.key < $1.key }.map { agent, record in
                [
                    agent, "\(record.bids)", "\(record.wins)", "\(record.completions)", "\(record.failures)",
                    record.successRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "-",
                    record.averageWinningBid.map { String(format: "%.1f", $0) } ?? "-",
                ]
            }
            if rows.isEmpty { return print("No bids recorded yet.") }
            Output.table(["AGENT", "BIDS", "WINS", "DONE", "FAILED", "SUCCESS", "AVG WIN BID"], rows)
        }
    }

    struct TimelineCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "timeline", abstract: "Recent events, newest first.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "Only events of this type, e.g. tool_executed.")
        var type: String?

        @Option(help: "Only events of this persona.")
        var agent: String?

        @Option(help: "How many events (1-1000).")
        var limit = 50

        func run() async throws {
            let (type, agent, limit) = (self.type, self.agent, self.limit)
            let timeline = try await ServiceConnector.with(options) { try await $0.timeline(type: type, agent: agent, limit: limit) }
            if options.json { return Output.json(timeline) }
            if timeline.events.isEmpty { return print("No events yet.") }
            Output.table(
                ["ID", "TIME", "TYPE", "AGENT", "TASK", "DETAIL"],
                timeline.events.map { event in
                    let detail = event.data.sorted { $0.key < $1.key }.filter { $0.key != "description" }
                        .map { "\($0.key)=\(JSONCoding.string($0.value))" }.joined(separator: " ")
                    return [
                        "\(event.id ?? 0)", Output.date(event.createdAt), event.type, event.agent ?? "-",
                        event.taskId.map { String($0.prefix(8)) } ?? "-",
                        String(detail.prefix(100)),
                    ]
                })
        }
    }

    struct Advisories: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Advice computed from the records, and consolidated memories.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let list = try await ServiceConnector.with(options) { try await $0.advisories() }
            if options.json { return Output.json(list) }
            if list.advisories.isEmpty { print("No advisories yet: they need recorded outcomes to rest on.") }
            for advisory in list.advisories { print("- [\(advisory.kind.rawValue)] \(advisory.text) (n=\(advisory.sampleSize))") }
            if !list.memories.isEmpty {
                print("Memories:")
                for memory in list.memories { print("- \(memory.content)") }
            }
        }
    }

    struct Predictions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Predictions made at post time and how they scored.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "How many predictions (1-1000).")
        var limit = 20

        func run() async throws {
            let limit = self.limit
            let list = try await ServiceConnector.with(options) { try await $0.predictions(limit: limit) }
            if options.json { return Output.json(list) }
            SparkCommand.printAccuracy(list.accuracy)
            Output.table(
                ["TASK", "PREDICTED", "P(SUCCESS)", "BID RANGE", "ACTUAL", "BID", "SCORE"],
                list.predictions.map {
                    [
                        String($0.taskId.prefix(8)), $0.predictedWinner ?? "-", String(format: "%.2f", $0.successProbability),
                        "\($0.bidLow)-\($0.bidHigh)",
                        $0.actualWinner ?? ($0.score == nil ? "pending" : "-"), $0.actualBid.map(String.init) ?? "-",
                        $0.score.map { String(format: "%.2f", $0) } ?? "-",
                    ]
                })
        }
    }

    static func printAccuracy(_ accuracy: PredictionAccuracy) {
        guard let average = accuracy.averageScore else { return print("Predictions: none scored yet (\(accuracy.pending) pending).") }
        func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded()))%" } ?? "-" }
        print(
            String(
                format: "Predictions: %d scored, average score %.2f; winner %@, success %@, bid range %@", accuracy.scored, average,
                percent(accuracy.winnerHitRate), percent(accuracy.successHitRate), percent(accuracy.bidHitRate)))
    }
}
