import TimmyCore
import TimmyProcess

/// Saves local changes aside and brings them back: push, list, apply, pop, drop.
public struct GitStashTool: Tool {
    public let name = "git_stash"
    public let family = "git"
    public let summary = "Stash local changes (push with a message), or list, apply, pop or drop stash entries"
    public let allowedPersonas = GitTools.writers

    /// What `git_stash` does.
    public enum Action: String, FieldChoice {
        case push, list, apply, pop, drop
    }

    public struct Input: RepositoryInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("what to do") public var action = Action.push
        @Field("push: a description of the stashed changes", .short("m")) public var message: String?
        @Field("push: stash untracked files too") public var includeUntracked = false
        @Field("apply, pop, drop: which entry, 0 being the newest", .within(0...100_000)) public var index = 0
        public init() {}
    }

    static let listFormat = "--format=%x1e%gd%x1f%H%x1f%aI%x1f%gs"

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(input.repo, context)
        let action = input.action.rawValue
        var entry: String?
        switch input.action {
        case .push:
            var command = ["stash", "push"] + (input.includeUntracked ? ["--include-untracked"] : [])
            if let message = input.message { command.append("--message=\(message)") }
            let output = try await repository.succeed(command)
            if output.outputText.contains("No local changes to save") { throw GitToolError.nothingToStash }
        case .list:
            break
        case .apply, .pop, .drop:
            let index = input.index
            entry = "stash@{\(index)}"
            _ = try await repository.succeed(["stash", action, "stash@{\(index)}"]) { output throws(GitToolError) in
                try await Self.failure(output, action: action, index: index, repository: repository)
            }
        }
        let listing = try await repository.succeed(["stash", "list", Self.listFormat])
        return GitStashReport(repository: repository.path, action: action, entry: entry, entries: Self.entries(listing.standardOutput))
            .toolResult
    }

    private static func failure(
        _ output: ProcessOutput, action: String, index: Int, repository: GitRepository
    ) async throws(GitToolError) -> GitToolError? {
        let said = output.outputText + output.errorText
        if said.contains("CONFLICT") { return .stashConflict(files: try await repository.status().conflicted) }
        if said.contains("would be overwritten") {
            return .localChangesBlock(operation: "stash \(action)", files: GitFailure.indentedPaths(output))
        }
        let missing = ["is not a valid reference", "only has", "No stash entries", "is not a stash"].contains(where: said.contains)
        return missing ? .noStashEntry(index: index) : nil
    }

    private static func entries(_ bytes: [UInt8]) -> [GitStashEntry] {
        bytes.split(separator: Separator.record).compactMap { record in
            let fields = record.filter { $0 != Separator.newline }.fields(Separator.field).map(\.text)
            guard fields.count == 4 else { return nil }
            return GitStashEntry(name: fields[0], sha: fields[1], date: fields[2], message: fields[3])
        }
    }
}
