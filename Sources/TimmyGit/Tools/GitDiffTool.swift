import TimmyCore
import TimmyProcess

/// Shows changes with per-file line counts and the patch: unstaged, staged, or against revisions.
public struct GitDiffTool: Tool {
    public let name = "git_diff"
    public let family = "git"
    public let summary = "Show changes (unstaged, staged, or against a ref) with per-file added/removed counts and the patch"
    public let allowedPersonas: Set<String> = ["forge", "helm", "timmy"]
    public let parameters: [ToolParameter] = [
        GitTools.repoParameter,
        .init("staged", .boolean, "compare the index instead of the working tree", default: false),
        .init("ref", .string, "compare against this branch, tag or commit"),
        .init("to", .string, "with ref: compare ref with this revision instead of the working tree"),
        .init("paths", .array, "only these files or folders"),
    ]

    /// The options both the tool and the benchmark's bare command use.
    static let options = ["diff", "--numstat", "-z", "--patch", "--no-color", "--no-ext-diff", "--no-textconv"]

    public init() {}

    public func run(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(arguments, context)
        let staged = arguments.bool("staged") ?? false
        let ref = try arguments.string("ref").map { try GitNames.revision($0, argument: "ref") }
        let to = try arguments.string("to").map { try GitNames.revision($0, argument: "to") }
        if to != nil, ref == nil || staged {
            throw ToolError.invalidArgument(name: "to", reason: "needs ref and cannot be combined with staged")
        }
        let paths = try (arguments.strings("paths") ?? []).map { try repository.file($0) }
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
