import TimmyCore
import TimmyProcess

/// Shows, for each line of a file, the commit, author and date that last changed it.
public struct GitBlameTool: Tool {
    public let name = "git_blame"
    public let family = "git"
    public let summary = "Show who last changed each line of a file: sha, author, date and text"
    public let allowedPersonas: Set<String> = ["forge", "echo"]
    public let parameters: [ToolParameter] = [
        GitTools.repoParameter,
        .init("path", .string, "the file, relative to the repository", required: true),
        .init("start_line", .integer, "first line to show (1-based)"),
        .init("end_line", .integer, "last line to show"),
        .init("ref", .string, "blame the file as of this branch, tag or commit (default: HEAD)"),
    ]

    public init() {}

    public func run(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(arguments, context)
        let path = try repository.file(try arguments.requiredString("path"))
        let ref = try arguments.string("ref").map { try GitNames.revision($0, argument: "ref") }
        let start = try arguments.int("start_line", in: 1...Int(Int32.max))
        let end = try arguments.int("end_line", in: 1...Int(Int32.max))
        if let start, let end, end < start { throw ToolError.invalidArgument(name: "end_line", reason: "must not be before start_line") }
        var command = ["blame", "--porcelain"]
        if start != nil || end != nil { command += ["-L", "\(start ?? 1),\(end.map(String.init) ?? "")"] }
        let revision = ref ?? "HEAD"
        let output = try await repository.succeed(command + (ref.map { [$0] } ?? []) + ["--", path]) { output in
            if output.errorText.contains("no such path") { return .noSuchFile(path: path, revision: revision) }
            let range = output.errorText.contains("has only") || output.errorText.contains("invalid -L")
            return range ? .invalidLineRange(path: path, detail: GitFailure.message(output)) : nil
        }
        let lines = BlameParser.parse(output.standardOutput)
        return GitBlameReport(repository: repository.path, path: path, revision: revision, lines: lines).toolResult
    }
}
