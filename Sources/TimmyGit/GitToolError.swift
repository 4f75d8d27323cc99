import TimmyCore
import TimmyProcess

/// Why a git tool refused or failed, in words that say what to do next. Messages never carry
/// credentials: URLs and git's own output are redacted before they get here.
public enum GitToolError: Error, Equatable, CustomStringConvertible {
    /// Why a push was turned down.
    public enum PushRejection: Sendable, Equatable {
        /// The remote has commits the local branch lacks ("non-fast-forward", "fetch first").
        case nonFastForward
        /// The remote refused the update itself (a hook or protected branch), with git's reason.
        case remoteRefused(String)
    }

    case outsideRoots(path: String, roots: [String])
    case folderUnavailable(path: String, reason: String)
    case repositoryNotFound(name: String, folder: String)
    case notARepository(path: String)
    case pathOutsideRepository(path: String, repository: String)
    case refusedValue(argument: String, value: String, reason: String)
    case refusedURL(url: String, reason: String)
    case invalidBranchName(String)
    case unknownBranch(String)
    case unknownRef(String)
    case unknownRemote(String)
    case branchExists(String)
    case branchNotMerged(String)
    case detachedHead(operation: String)
    case pathNotFound(String)
    case nothingToCommit(repository: String, hint: String)
    case identityUnknown(repository: String)
    case unmergedFiles([String])
    case localChangesBlock(operation: String, files: [String])
    case noUpstream(branch: String)
    case pushRejected(branch: String, remote: String, reason: PushRejection)
    case authenticationFailed(remote: String)
    case remoteUnreachable(remote: String, detail: String)
    case pullConflicts(files: [String], state: String)
    case stashConflict(files: [String])
    case nothingToStash
    case noStashEntry(index: Int)
    case noSuchFile(path: String, revision: String)
    case invalidLineRange(path: String, detail: String)
    case destinationExists(String)
    case gitFailed(command: String, status: String, message: String)
    case process(ProcessRunError)
    case noForge(remote: String, url: String)
    case branchNotPushed(branch: String, remote: String)
    case forgeUnauthorized(host: String, tokenGiven: Bool, message: String)
    case forgeForbidden(host: String, message: String)
    case forgeRateLimited(host: String, retryAfter: Int)
    case forgeNotFound(host: String, what: String)
    case forgeRefused(host: String, status: Int, message: String)
    case notMergeable(number: Int, host: String, message: String)

    public var description: String {
        switch self {
        case .outsideRoots(let path, let roots):
            "'\(path)' is outside the folders the git tools may use (\(roots.joined(separator: ", "))); "
                + "use a repository under one of them, or add a folder to repo_roots"
        case .folderUnavailable(let path, let reason):
            "cannot keep repositories in \(path): \(reason); check git_default_repo_dir"
        case .repositoryNotFound(let name, let folder):
            "no repository '\(name)' in \(folder); clone one with git_clone or give a path inside an allowed root"
        case .notARepository(let path):
            "\(path) is not a git repository (no .git folder); run git init there or clone into a new folder"
        case .pathOutsideRepository(let path, let repository):
            "'\(path)' is outside the repository \(repository); give a path inside it"
        case .refusedValue(let argument, let value, let reason):
            "argument '\(argument)' refused: '\(value)' \(reason)"
        case .refusedURL(let url, let reason):
            "refused to use '\(url)' as a remote: \(reason). "
                + "Allowed: https://, http://, ssh://, user@host:path, file:// and local paths"
        case .invalidBranchName(let name):
            "'\(name)' is not a valid branch name (see git check-ref-format: no spaces, '..', '~', '^', ':', leading '-')"
        case .unknownBranch(let name):
            "no branch named '\(name)'; list the branches with git_branch"
        case .unknownRef(let ref):
            "unknown revision '\(ref)': no branch, tag or commit by that name"
        case .unknownRemote(let name):
            "no remote named '\(name)' in this repository"
        case .branchExists(let name):
            "a branch named '\(name)' already exists; switch to it or choose another name"
        case .branchNotMerged(let name):
            "branch '\(name)' is not fully merged; merge it first, or delete it with force: true to drop its commits"
        case .detachedHead(let operation):
            "cannot \(operation): HEAD is detached; switch to a branch or name one"
        case .pathNotFound(let path):
            "'\(path)' matches no file in the repository"
        case .nothingToCommit(let repository, let hint):
            "nothing to commit in \(repository): \(hint)"
        case .identityUnknown(let repository):
            "git does not know who is committing in \(repository): pass author \"Name <email>\", "
                + "or set user.name and user.email (git -C \(repository) config user.name \"Your Name\")"
        case .unmergedFiles(let files):
            "cannot commit with unresolved conflicts in \(files.joined(separator: ", ")); resolve them and stage the files first"
        case .localChangesBlock(let operation, let files):
            "\(operation) would overwrite local changes to \(files.isEmpty ? "some files" : files.joined(separator: ", ")); "
                + "commit or stash them first (nothing was changed)"
        case .noUpstream(let branch):
            "branch '\(branch)' has no upstream; pass remote (e.g. origin) and "
                + "\(GitPushTool.Input.name(of: \.setUpstream)): true to push it the first time"
        case .pushRejected(let branch, let remote, .nonFastForward):
            "push of '\(branch)' to \(remote) rejected as non-fast-forward: the remote has commits this branch lacks; "
                + "pull (git_pull) to integrate them, then push again"
        case .pushRejected(let branch, let remote, .remoteRefused(let reason)):
            "push of '\(branch)' to \(remote) refused by the remote: \(reason)"
        case .authenticationFailed(let remote):
            "authentication to \(remote) failed; configure a credential helper or an SSH key (Timmy never prompts)"
        case .remoteUnreachable(let remote, let detail):
            "cannot reach \(remote): \(detail)"
        case .pullConflicts(let files, let state):
            "pull stopped with conflicts in \(files.joined(separator: ", ")); \(state)"
        case .stashConflict(let files):
            "the stash conflicts with the working tree in \(files.joined(separator: ", ")); the stash entry was kept; "
                + "resolve the conflicts and stage the files, or run git checkout -- <file> to discard them"
        case .nothingToStash:
            "nothing to stash: the working tree and index have no local changes"
        case .noStashEntry(let index):
            "no stash entry stash@{\(index)}; list the stash with action: list"
        case .noSuchFile(let path, let revision):
            "no file '\(path)' in \(revision); blame works on files committed there"
        case .invalidLineRange(let path, let detail):
            "invalid line range for \(path): \(detail)"
        case .destinationExists(let path):
            "\(path) already exists and is not empty; choose another name or destination"
        case .gitFailed(let command, let status, let message):
            "\(command) failed (\(status)): \(message)"
        case .process(let error):
            error.description
        case .noForge(let remote, let url):
            "remote '\(remote)' (\(url)) is not on a forge: pull requests need a remote such as https://host/owner/name.git or git@host:owner/name.git"
        case .branchNotPushed(let branch, let remote):
            "branch '\(branch)' is not on \(remote); push it first (git_push with set_upstream), then open the pull request (nothing was created)"
        case .forgeUnauthorized(let host, let tokenGiven, let message):
            (tokenGiven ? "\(host) refused the token (401: \(message))" : "\(host) needs a token (401: \(message))")
                + "; set one for \(host) in \(Forge.tokenSetting) as \(host)=<token>"
        case .forgeForbidden(let host, let message):
            "\(host) refused the request (403: \(message)); the token for \(host) may lack the permission"
        case .forgeRateLimited(let host, let retryAfter):
            "\(host) is rate limiting requests (waited once, still limited); try again in \(retryAfter) s"
        case .forgeNotFound(let host, let what):
            "\(host) has no \(what); check the number and the remote, and that the token may see the repository"
        case .forgeRefused(let host, let status, let message):
            "\(host) refused the request\(status > 0 ? " (HTTP \(status))" : ""): \(message)"
        case .notMergeable(let number, let host, let message):
            "pull request #\(number) on \(host) is not mergeable (\(message)); it stays open: resolve the conflicts on its branch and push, then merge again"
        }
    }
}
