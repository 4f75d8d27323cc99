import TimmyCore
import TimmyProcess

/// Lists recent commits with their authors and the files each changed.
public struct GitLogTool: Tool {
    public let name = "git_log"
    public let family = "git"
    public let summary = "List recent commits: sha, author, email, date, subject and files changed"
    public let allowedPersonas: Set<String> = ["forge", "helm", "echo", "timmy"]
    public let parameters: [ToolParameter] = [
        GitTools.repoParameter,
        .init("max_count", .integer, "most commits to list (1-10000)", default: 20),
        .init("ref", .string, "branch, tag or commit to start from (default: HEAD)"),
        .init("path", .string, "only commits touching this file or folder"),
    ]

    public init() {}

    public func run(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(arguments, context)
        let count = try arguments.int("max_count", in: 1...10_000) ?? 20
        let ref = try arguments.string("ref").map { try GitNames.revision($0, argument: "ref") }
        let path = try arguments.string("path").map { try repository.file($0) }
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
