import TimmyCore
import TimmyProcess

/// Shows, for each line of a file, the commit, author and date that last changed it.
public struct GitBlameTool: Tool {
    public let name = "git_blame"
    public let family = "git"
    public let summary = "Show who last changed each line of a file: sha, author, date and text"
    public let allowedPersonas: Set<String> = ["forge", "echo"]

    public struct Input: RepositoryInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("the file, relative to the repository", .positional) public var path: String
        @Field("first line to show (1-based)", .within(1...Int(Int32.max))) public var startLine: Int?
        @Field("last line to show", .within(1...Int(Int32.max))) public var endLine: Int?
        @Field("blame the file as of this branch, tag or commit (default: HEAD)") public var ref: String?
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(input.repo, context)
        let path = try repository.file(input.path)
        let ref = try input.revision(\.ref)
        let start = input.startLine
        let end = input.endLine
        if let start, let end, end < start { throw Input.invalid(\.endLine, "must not be before start_line") }
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
