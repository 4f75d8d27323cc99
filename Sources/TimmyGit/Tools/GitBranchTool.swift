import TimmyCore
import TimmyProcess

/// Lists, creates, switches to and deletes local branches.
public struct GitBranchTool: Tool {
    public let name = "git_branch"
    public let family = "git"
    public let summary = "List branches (with upstream and last commit), or create, switch to or delete one"
    public let allowedPersonas = GitTools.writers
    public let parameters: [ToolParameter] = [
        GitTools.repoParameter,
        .init("action", .string, "what to do", default: "list", allowed: ["list", "create", "switch", "delete"]),
        .init("name", .string, "the branch to create, switch to or delete"),
        .init("start_point", .string, "create: the commit or branch to start from (default: HEAD)"),
        .init("force", .boolean, "delete: delete even if not merged", default: false),
    ]

    public init() {}

    public func run(_ arguments: ToolArguments, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(arguments, context)
        let action = arguments.string("action") ?? "list"
        guard action != "list" else { return try await report(repository, action: action).toolResult }
        guard let name = arguments.string("name") else {
            throw ToolError.invalidArgument(name: "name", reason: "is required to \(action) a branch")
        }
        var sha: String?
        let branch: String
        switch action {
        case "create":
            branch = try await GitNames.branch(name, argument: "name", git: repository.git, in: repository.url)
            let start = try arguments.string("start_point").map { try GitNames.revision($0, argument: "start_point") }
            _ = try await repository.succeed(["branch", "--end-of-options", branch] + (start.map { [$0] } ?? [])) { output in
                output.errorText.contains("already exists") ? .branchExists(branch) : nil
            }
        case "switch":
            branch = try GitNames.revision(name, argument: "name")
            _ = try await repository.succeed(["switch", "--end-of-options", branch]) { output in
                if output.errorText.contains("would be overwritten") {
                    return .localChangesBlock(operation: "switching to \(branch)", files: GitFailure.indentedPaths(output))
                }
                return output.errorText.contains("invalid reference") ? .unknownBranch(branch) : nil
            }
        default:  // delete, the last value the parameter allows
            branch = try GitNames.revision(name, argument: "name")
            let force = arguments.bool("force") ?? false
            let output = try await repository.succeed(["branch", force ? "-D" : "-d", "--end-of-options", branch]) { output in
                if output.errorText.contains("not fully merged") { return .branchNotMerged(branch) }
                return output.errorText.contains("not found") ? .unknownBranch(branch) : nil
            }
            sha = output.outputText.firstMatch(of: /\(was ([0-9a-f]+)\)/).map { String($0.1) }
        }
        return try await report(repository, action: action, branch: branch, sha: sha).toolResult
    }

    /// The branch list after the action, with the acted-on branch's commit.
    private func report(_ repository: GitRepository, action: String, branch: String? = nil, sha: String? = nil) async throws -> GitBranchReport {
        let output = try await repository.succeed(["for-each-ref", BranchListParser.format, "refs/heads"])
        let branches = BranchListParser.parse(output.standardOutput)
        let pointed = sha ?? branches.first { $0.name == branch }?.sha
        return GitBranchReport(repository: repository.path, action: action, branch: branch, sha: pointed, branches: branches)
    }
}
