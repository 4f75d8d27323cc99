import TimmyCore
import TimmyProcess

/// Lists recent commits with their authors and the files each changed.
public struct GitLogTool: Tool {
    public let name = "git_log"
    public let family = "git"
    public let summary = "List recent commits: sha, author, email, date, subject and files changed"
    public let allowedPersonas: Set<String> = ["forge", "helm", "echo", "timmy"]

    public struct Input: RepositoryInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("most commits to list", .within(1...10_000)) public var maxCount = 20
        @Field("branch, tag or commit to start from (default: HEAD)") public var ref: String?
        @Field("only commits touching this file or folder") public var path: String?
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(input.repo, context)
        let count = input.maxCount
        let ref = try input.revision(\.ref)
        let path = try input.path.map { try repository.file($0) }
        var command = LogParser.options + ["--max-count=\(count)"]
        if let ref { command += ["--end-of-options", ref] }
        command += ["--"] + (path.map { [$0] } ?? [])
        let output = try await repository.run(command)
        guard output.succeeded || output.errorText.contains("does not have any commits yet") else {
            throw GitFailure.classify(output, command: "git log", directory: repository.url)
        }
        let report = GitLogReport(repository: repository.path, ref: ref, path: path, commits: LogParser.parse(output.standardOutput))
        return report.toolResult
    }
}
