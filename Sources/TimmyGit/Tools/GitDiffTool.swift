import TimmyCore
import TimmyProcess

/// Shows changes with per-file line counts and the patch: unstaged, staged, or against revisions.
public struct GitDiffTool: Tool {
    public let name = "git_diff"
    public let family = "git"
    public let summary = "Show changes (unstaged, staged, or against a ref) with per-file added/removed counts and the patch"
    public let allowedPersonas: Set<String> = ["forge", "helm", "timmy"]

    public struct Input: RepositoryInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("compare the index instead of the working tree") public var staged = false
        @Field("compare against this branch, tag or commit") public var ref: String?
        @Field("with ref: compare ref with this revision instead of the working tree") public var to: String?
        @Field("only these files or folders") public var paths: [String] = []
        public init() {}
    }

    /// The options both the tool and the benchmark's bare command use.
    static let options = ["diff", "--numstat", "-z", "--patch", "--no-color", "--no-ext-diff", "--no-textconv"]

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(input.repo, context)
        let staged = input.staged
        let ref = try input.revision(\.ref)
        let to = try input.revision(\.to)
        if to != nil, ref == nil || staged { throw Input.invalid(\.to, "needs ref and cannot be combined with staged") }
        let paths = try input.paths.map { try repository.file($0) }
        let revisions = [ref, to].compactMap { $0 }
        var command = Self.options + (staged ? ["--cached"] : [])
        if !revisions.isEmpty { command += ["--end-of-options"] + revisions }
        let output = try await repository.succeed(command + ["--"] + paths)
        var cursor = ByteCursor(output.standardOutput)
        let files = NumstatParser.parse(&cursor)
        let comparison =
            switch (ref, to) {
            case (let ref?, let to?): "\(ref)..\(to)"
            case (let ref?, nil): "\(staged ? "index" : "working tree") against \(ref)"
            default: staged ? "staged changes" : "unstaged changes"
            }
        return GitDiffReport(repository: repository.path, comparison: comparison, files: files, patch: cursor.rest.text).toolResult
    }
}
