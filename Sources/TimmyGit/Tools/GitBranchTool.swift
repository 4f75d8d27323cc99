import TimmyCore
import TimmyProcess

/// Lists, creates, switches to and deletes local branches.
public struct GitBranchTool: Tool {
    public let name = "git_branch"
    public let family = "git"
    public let summary = "List branches (with upstream and last commit), or create, switch to or delete one"
    public let allowedPersonas = GitTools.writers

    /// What `git_branch` does.
    public enum Action: String, FieldChoice {
        case list, create, `switch`, delete
    }

    public struct Input: RepositoryInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("what to do") public var action = Action.list
        @Field("the branch to create, switch to or delete") public var name: String?
        @Field("create: the commit or branch to start from (default: HEAD)") public var startPoint: String?
        @Field("delete: delete even if not merged") public var force = false
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(input.repo, context)
        let action = input.action
        let nameField = Input.name(of: \.name)
        var sha: String?
        let branch: String
        switch action {
        case .list:
            return try await report(repository, action: action.rawValue).toolResult
        case .create:
            branch = try await GitNames.branch(try Self.name(input), argument: nameField, git: repository.git, in: repository.url)
            let start = try input.revision(\.startPoint)
            _ = try await repository.succeed(["branch", "--end-of-options", branch] + (start.map { [$0] } ?? [])) { output in
                output.errorText.contains("already exists") ? .branchExists(branch) : nil
            }
        case .switch:
            branch = try GitNames.revision(try Self.name(input), argument: nameField)
            _ = try await repository.succeed(["switch", "--end-of-options", branch]) { output in
                if output.errorText.contains("would be overwritten") {
                    return .localChangesBlock(operation: "switching to \(branch)", files: GitFailure.indentedPaths(output))
                }
                return output.errorText.contains("invalid reference") ? .unknownBranch(branch) : nil
            }
        case .delete:
            branch = try GitNames.revision(try Self.name(input), argument: nameField)
            let output = try await repository.succeed(["branch", input.force ? "-D" : "-d", "--end-of-options", branch]) { output in
                if output.errorText.contains("not fully merged") { return .branchNotMerged(branch) }
                return output.errorText.contains("not found") ? .unknownBranch(branch) : nil
            }
            sha = output.outputText.firstMatch(of: /\(was ([0-9a-f]+)\)/).map { String($0.1) }
        }
        return try await report(repository, action: action.rawValue, branch: branch, sha: sha).toolResult
    }

    /// The branch a change names; every action but list needs one.
    private static func name(_ input: Input) throws(ToolError) -> String {
        guard let name = input.name else { throw Input.invalid(\.name, "is required to \(input.action.rawValue) a branch") }
        return name
    }

    /// The branch list after the action, with the acted-on branch's commit.
    private func report(_ repository: GitRepository, action: String, branch: String? = nil, sha: String? = nil) async throws -> GitBranchReport {
        let output = try await repository.succeed(["for-each-ref", BranchListParser.format, "refs/heads"])
        let branches = BranchListParser.parse(output.standardOutput)
        let pointed = sha ?? branches.first { $0.name == branch }?.sha
        return GitBranchReport(repository: repository.path, action: action, branch: branch, sha: pointed, branches: branches)
    }
}
