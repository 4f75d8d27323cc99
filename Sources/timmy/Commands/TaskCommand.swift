import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

/// `timmy task post|list|show`.
struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "Post tasks to the swarm and look at them.", subcommands: [Post.self, List.self, Show.self])

    struct Post: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Post a task; the swarm plans it, auctions it and the winner does it.",
            discussion: """
                Examples:
                  timmy task post "list the files in the workspace" --wait
                  timmy task post "search for TODO in Sources" --wait --json
                Exits with status 1 when the task failed.
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: "What to do, in words.")
        var description: String

        @Flag(help: "Wait until the task completes or fails, and print its result.")
        var wait = false

        func validate() throws {
            if case .failure(let error) = TaskDescriptionRule.validate(description) { throw ValidationError(error.description) }
        }

        func run() async throws {
            let description = self.description
            let wait = self.wait
            let detail = try await ServiceConnector.with(options, runsSwarm: true) { service in
                wait ? try await TaskFollower.post(description, on: service) : try await service.postTask(description, wait: false)
            }
            if options.json { Output.json(detail) } else { TaskRendering.print(detail, verbose: false) }
            if detail.task.status == .failed { throw ExitCode(1) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recent tasks, newest first.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "Only tasks in this status: \(TaskStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
        var status: TaskStatus?

        @Option(help: "How many tasks to show (1-500).")
        var limit = 20

        @Option(help: "How many of the newest tasks to skip.")
        var offset = 0

        func validate() throws {
            guard (1...500).contains(limit) else { throw ValidationError("--limit must be between 1 and 500") }
            guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
        }

        func run() async throws {
            let (status, limit, offset) = (self.status, self.limit, self.offset)
            let list = try await ServiceConnector.with(options) { try await $0.tasks(status: status, limit: limit, offset: offset) }
            if options.json { return Output.json(list) }
            let counts = TaskStatus.allCases.map { "\($0.rawValue) \(list.counts[$0.rawValue] ?? 0)" }.joined(separator: ", ")
            print("Tasks: \(counts)")
            guard !list.tasks.isEmpty else { return print("No tasks\(status.map { " with status \($0.rawValue)" } ?? "") yet.") }
            Output.table(
                ["ID", "STATUS", "WINNER", "SATS", "POSTED", "DESCRIPTION"],
                list.tasks.map {
                    [
                        $0.id, $0.status.rawValue, $0.winner ?? "-", $0.winningBid.map(String.init) ?? "-", Output.date($0.createdAt),
                        String($0.description.prefix(60)),
                    ]
                })
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a task with its bids, tool calls and events.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The task id.")
        var id: String

        func run() async throws {
            let id = self.id
            let detail = try await ServiceConnector.with(options) { try await $0.task(id) }
            if options.json { Output.json(detail) } else { TaskRendering.print(detail, verbose: true) }
        }
    }
}

extension TaskStatus: ExpressibleByArgument {}

/// Text rendering of a task for people.
enum TaskRendering {
    static func print(_ detail: TaskDetail, verbose: Bool) {
        let task = detail.task
        Swift.print("Task \(task.id): \(task.status.rawValue)")
        Swift.print("  \(task.description)")
        if let winner = task.winner { Swift.print("  won by \(winner) for \(task.winningBid ?? 0) sats against \(detail.bids.count) bids") }
        if let reason = task.failureReason { Swift.print("  reason: \(reason)") }
        if verbose {
            if !detail.bids.isEmpty {
                Swift.print("Bids:")
                for bid in detail.bids.sorted(by: { ($0.sats, $0.sequence) < ($1.sats, $1.sequence) }) {
                    let why = bid.keywordMatched ? "matched \(bid.matchedKeywords.joined(separator: ", "))" : "no keyword match"
                    Swift.print(String(format: "  %-6@ %3d sats  (%@; learner ×%.2f)", bid.agent, bid.sats, why, bid.learnerFactor))
                }
            }
            if !detail.toolCalls.isEmpty {
                Swift.print("Tool calls:")
                for call in detail.toolCalls {
                    let outcome = call.success ? call.resultSummary : "FAILED: \(call.error ?? "")"
                    Swift.print(String(format: "  %@ by %@ in %.1f ms: %@", call.tool, call.agent, call.durationMs, outcome))
                }
            }
            Swift.print("Events:")
            for event in detail.events {
                Swift.print("  \(Output.date(event.createdAt))  \(event.type)\(event.agent.map { " (\($0))" } ?? "")")
            }
        }
        if let result = task.result {
            Swift.print("Result:")
            Swift.print(result)
        }
    }
}
