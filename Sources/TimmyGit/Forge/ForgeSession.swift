import Foundation
import TimmyCore
import TimmyProcess

/// What every pull-request tool starts from: the repository, the remote it names (its URL says
/// which forge and which `owner/name`) and that forge's API.
struct ForgeSession: Sendable {
    let repository: GitRepository
    let remote: String
    let api: PullRequestAPI

    var forge: Forge { api.forge }

    /// The repository and the forge behind `remote` (default: `origin`); nothing is contacted yet.
    static func open<Input: PullRequestInput>(_ input: Input, _ context: ToolContext, remote fallback: String = "origin") async throws -> ForgeSession
    {
        let repository = try GitWorkspace.repository(input.repo, context)
        let remote = try input.remoteName(\.remote) ?? fallback
        let output = try await repository.run(["config", "--get", "remote.\(remote).url"])
        let url = output.outputText.trimmingCharacters(in: .whitespacesAndNewlines)
        guard output.succeeded, !url.isEmpty else { throw GitToolError.unknownRemote(remote) }
        guard let parsed = ForgeRemote(url: url) else { throw GitToolError.noForge(remote: remote, url: Credentials.redact(url)) }
        return ForgeSession(repository: repository, remote: remote, api: PullRequestAPI(forge: Forge(remote: parsed, settings: context.settings)))
    }

    /// Whether `branch` exists on the remote, asked of git itself (`ls-remote`), so a never-pushed branch is caught before the forge is.
    func isPushed(_ branch: String) async throws(GitToolError) -> Bool {
        let ref = "refs/heads/\(branch)"
        let output = try await repository.succeed(["ls-remote", "--heads", "--end-of-options", remote, ref], timeout: GitRunner.networkTimeout) {
            GitFailure.remoteProblem(GitFailure.message($0))
        }
        return output.outputText.split(separator: "\n").contains { $0.hasSuffix("\t\(ref)") }
    }

    /// The fields every report names the pull request's place by.
    var place: PullRequestPlace {
        PullRequestPlace(repository: repository.path, remote: remote, host: forge.host, forge: forge.kind.rawValue, fullName: forge.fullName)
    }
}

/// The input of a pull-request tool: a repository and the remote whose forge holds its pull requests.
public protocol PullRequestInput: RepositoryInput {
    var remote: String? { get set }
}

/// The input of a tool that acts on one pull request.
public protocol NumberedPullRequestInput: PullRequestInput {
    var number: Int { get set }
}

/// Where a pull request lives: the local repository, its remote, and the forge's host, kind and `owner/name`.
public struct PullRequestPlace: Codable, Sendable, Equatable {
    public let repository: String
    public let remote: String
    public let host: String
    public let forge: String
    public let fullName: String
}
