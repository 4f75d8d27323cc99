import TimmyCore
import TimmyProcess

/// Stages files, or every change, for the next commit.
public struct GitAddTool: Tool {
    public let name = "git_add"
    public let family = "git"
    public let summary = "Stage the given paths, or all changes (new, modified and deleted files)"
    public let allowedPersonas = GitTools.writers
    public let parameters: [ToolParameter] = [
        GitTools.repoParameter,
        .init("paths", .array, "files or folders to stage, relative to the repository"),
        .init("all", .boolean, "stage every change in the working tree", default: false),
    ]

    public init() {}

    public func run(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(arguments, context)
        let paths = try (arguments.strings("paths") ?? []).map { try repository.file($0) }
        let all = arguments.bool("all") ?? false
        guard all != !paths.isEmpty else { throw ToolError.invalidArgument(name: "paths", reason: "give paths, or all: true (not both)") }
        _ = try await repository.succeed(all ? ["add", "--all"] : ["add", "--"] + paths) { output in
            GitFailure.quoted(in: output.errorText, after: ["pathspec '"]).map(GitToolError.pathNotFound)
        }
        let status = try await repository.status()
        return GitAddReport(repository: repository.path, paths: paths, staged: status.staged).toolResult
    }
}
