import TimmyCore
import TimmyProcess

/// Pushes a branch to a remote; a rejected push says why.
public struct GitPushTool: Tool {
    public let name = "git_push"
    public let family = "git"
    public let summary = "Push a branch to a remote, optionally setting it as the upstream"
    public let allowedPersonas = GitTools.writers

    public struct Input: RepositoryInput {
        @Field(GitTools.repoSummary, .positional) public var repo: String
        @Field("remote name such as origin (default: the branch's upstream remote)") public var remote: String?
        @Field("local branch to push (default: the current branch)") public var branch: String?
        @Field("make the pushed branch the upstream of the local one") public var setUpstream = false
        public init() {}
    }

    public init() {}

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        let repository = try GitWorkspace.repository(input.repo, context)
        let branch =
            if let name = input.branch {
                try await GitNames.branch(name, argument: Input.name(of: \.branch), git: repository.git, in: repository.url)
            } else {
                try await repository.currentBranch(for: "push")
            }
        let upstream = try await Self.upstream(of: branch, in: repository)
        let remote = try input.remoteName(\.remote) ?? upstream.remote
        guard let remote else { throw GitToolError.noUpstream(branch: branch) }
        let remoteRef = remote == upstream.remote ? upstream.ref ?? "refs/heads/\(branch)" : "refs/heads/\(branch)"
        let setUpstream = input.setUpstream
        let refspec = "refs/heads/\(branch):\(remoteRef)"
        let command = ["push", "--porcelain"] + (setUpstream ? ["--set-upstream"] : []) + ["--end-of-options", remote, refspec]
        let output = try await repository.run(command, timeout: GitRunner.networkTimeout)
        let update = PushParser.update(output.outputText, remoteRef: remoteRef)
        if let update, update.flag == "!" {
            let rejection: GitToolError.PushRejection =
                update.summary.contains("non-fast-forward") || update.summary.contains("fetch first")
                ? .nonFastForward : .remoteRefused(update.summary)
            throw GitToolError.pushRejected(branch: branch, remote: remote, reason: rejection)
        }
        guard output.succeeded, let update else {
            throw GitFailure.classify(output, command: "git push", directory: repository.url, remote: remote)
        }
        let outcome =
            switch update.flag {
            case "*": "new branch"
            case "+": "forced update"
            case "=": "up to date"
            default: "fast-forward"
            }
        let range = update.summary.contains("..") ? update.summary : nil
        return GitPushReport(
            repository: repository.path, remote: remote, url: PushParser.url(output.outputText), branch: branch, remoteRef: remoteRef,
            outcome: outcome, range: range, upstreamSet: setUpstream
        ).toolResult
    }

    /// The remote and remote ref the branch tracks; fails when the branch does not exist.
    /// (A for-each-ref pattern also matches refs below it, so the exact ref is picked out.)
    static func upstream(of branch: String, in repository: GitRepository) async throws(GitToolError) -> (remote: String?, ref: String?) {
        let ref = "refs/heads/\(branch)"
        let format = "--format=%(refname)%00%(upstream:remotename)%00%(upstream:remoteref)"
        let output = try await repository.succeed(["for-each-ref", format, ref])
        let records = output.standardOutput.split(separator: Separator.newline).map { $0.fields(Separator.nul).map(\.text) }
        guard let fields = records.first(where: { $0.count == 3 && $0[0] == ref }) else { throw .unknownBranch(branch) }
        return (fields[1].isEmpty ? nil : fields[1], fields[2].isEmpty ? nil : fields[2])
    }
}
