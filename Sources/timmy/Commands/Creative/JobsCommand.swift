import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

/// `timmy jobs [list|show|cancel|retry]`: the creative job queue.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "The job queue of image, music and video calls: list, show, cancel, retry.",
        subcommands: [List.self, Show.self, Cancel.self, Retry.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs, newest first, with counts per status.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "Only jobs in this status: \(JobStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
        var status: JobStatus?

        @Option(help: "How many (1-500).")
        var limit = 20

        func run() async throws {
            let (status, limit) = (self.status, self.limit)
            let list = try await ServiceConnector.with(options) { try await $0.jobs(status: status, limit: limit) }
            if options.json { return Output.json(list) }
            print("Jobs: " + JobStatus.allCases.map { "\($0.rawValue) \(list.counts[$0.rawValue] ?? 0)" }.joined(separator: ", "))
            guard !list.jobs.isEmpty else { return print("No jobs\(status.map { " with status \($0.rawValue)" } ?? "") yet.") }
            Output.table(
                ["ID", "STATUS", "PROGRESS", "TOOL", "PERSONA", "BACKEND", "CREATED", "MESSAGE"],
                list.jobs.map {
                    [
                        $0.id, $0.status.rawValue, "\(Int(($0.progress * 100).rounded()))%", $0.tool, $0.persona, $0.backend,
                        Output.date($0.createdAt),
                        String(($0.error ?? $0.message).prefix(60)),
                    ]
                })
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a job, its result and its assets.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The job id.")
        var id: String

        func run() async throws {
            let id = self.id
            let detail = try await ServiceConnector.with(options) { try await $0.job(id) }
            JobFollower.print(detail, json: options.json)
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a queued or running job; a running one is stopped and its partial files removed.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The job id.")
        var id: String

        func run() async throws {
            let id = self.id
            let detail = try await ServiceConnector.with(options) { try await $0.cancelJob(id) }
            JobFollower.print(detail, json: options.json)
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Queue a failed, cancelled or interrupted job again and follow it.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The job id.")
        var id: String

        func run() async throws {
            let id = self.id
            let detail = try await ServiceConnector.with(options, runsSwarm: true) { service in
                _ = try await service.retryJob(id)
                return try await JobFollower.follow(id, on: service)
            }
            JobFollower.print(detail, json: options.json)
            if detail.job.status != .done { throw ExitCode(1) }
        }
    }
}

extension JobStatus: ExpressibleByArgument {}
