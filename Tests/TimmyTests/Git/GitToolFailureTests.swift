import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyGit
import TimmyTestSupport

@Suite("Git tools: failures are typed, explained, and leave the repository as it was")
struct GitToolFailureTests {
    @Test("a folder that is not a repository, and a name that does not exist")
    func notARepository() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(at: fixture.repos.appendingPathComponent("plain"), withIntermediateDirectories: true)
        let plain = await fixture.failure("git_status", ["repo": "plain"])
        #expect(plain == .notARepository(path: fixture.repos.appendingPathComponent("plain").path))
        #expect(plain?.description.contains("is not a git repository") == true)
        let missing = await fixture.failure("git_log", ["repo": "nowhere"])
        #expect(missing == .repositoryNotFound(name: "nowhere", folder: fixture.repos.path))
    }

    @Test("unknown branches and refs are named")
    func unknownRefs() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        #expect(await fixture.failure("git_log", ["repo": "demo", "ref": "no-such-ref"]) == .unknownRef("no-such-ref"))
        #expect(await fixture.failure("git_diff", ["repo": "demo", "ref": "v9.9"]) == .unknownRef("v9.9"))
        #expect(await fixture.failure("git_branch", ["repo": "demo", "action": "switch", "name": "ghost"]) == .unknownBranch("ghost"))
        #expect(await fixture.failure("git_branch", ["repo": "demo", "action": "delete", "name": "ghost"]) == .unknownBranch("ghost"))
        #expect(await fixture.failure("git_push", ["repo": "demo", "branch": "ghost"]) == .unknownBranch("ghost"))
        let start = await fixture.failure("git_branch", ["repo": "demo", "action": "create", "name": "new", "start_point": "nothing"])
        #expect(start == .unknownRef("nothing"))
        #expect(await fixture.failure("git_branch", ["repo": "demo", "action": "create", "name": "main"]) == .branchExists("main"))
        #expect(await fixture.failure("git_branch", ["repo": "demo", "action": "create", "name": "a..b"]) == .invalidBranchName("a..b"))
        #expect(await fixture.failure("git_push", ["repo": "demo", "remote": "upstream"]) == .unknownRemote("upstream"))
    }

    @Test("committing with nothing staged says why and creates no commit")
    func nothingToCommit() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let head = try await fixture.git(["rev-parse", "HEAD"])
        let clean = await fixture.failure("git_commit", ["repo": "demo", "message": "empty"])
        #expect(clean == .nothingToCommit(repository: fixture.demo.path, hint: "the working tree is clean"))
        try fixture.write("notes.txt", "changed\n")
        let unstaged = await fixture.failure("git_commit", ["repo": "demo", "message": "empty"])
        guard case .nothingToCommit(_, let hint)? = unstaged else {
            Issue.record("expected nothingToCommit, got \(String(describing: unstaged))")
            return
        }
        #expect(hint.contains("none are staged"))
        #expect(try await fixture.git(["rev-parse", "HEAD"]) == head)
    }

    @Test("switching branches is refused when local changes would be overwritten, and nothing changes")
    func switchBlocked() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try await fixture.git(["switch", "--quiet", "-c", "other"])
        try fixture.write("notes.txt", "other branch\n")
        try await fixture.git(["commit", "--quiet", "-am", "other notes"])
        try await fixture.git(["switch", "--quiet", "main"])
        try fixture.write("notes.txt", "my local edit\n")
        let error = await fixture.failure("git_branch", ["repo": "demo", "action": "switch", "name": "other"])
        #expect(error == .localChangesBlock(operation: "switching to other", files: ["notes.txt"]))
        #expect(try fixture.read("notes.txt") == "my local edit\n")
        #expect(try await fixture.git(["branch", "--show-current"]) == "main\n")
    }

    @Test("a push behind the remote is rejected as non-fast-forward and the remote keeps its commits")
    func pushRejected() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let other = try await fixture.otherClone()
        try GitFixture.write(other.appendingPathComponent("theirs.txt"), "t\n")
        try await fixture.git(["add", "--all"], in: other)
        try await fixture.git(["commit", "--quiet", "-m", "theirs"], in: other)
        try await fixture.git(["push", "--quiet"], in: other)
        let remoteHead = try await GitFixture.git(["rev-parse", "main"], in: fixture.remote)
        try fixture.write("mine.txt", "m\n")
        try await fixture.git(["add", "--all"])
        try await fixture.git(["commit", "--quiet", "-m", "mine"])
        let error = await fixture.failure("git_push", ["repo": "demo"])
        #expect(error == .pushRejected(branch: "main", remote: "origin", reason: .nonFastForward))
        #expect(error?.description.contains("pull") == true)
        try await fixture.git(["fetch", "--quiet"])
        #expect(await fixture.failure("git_push", ["repo": "demo"]) == .pushRejected(branch: "main", remote: "origin", reason: .nonFastForward))
        #expect(try await GitFixture.git(["rev-parse", "main"], in: fixture.remote) == remoteHead)
    }

    @Test("a branch without upstream cannot be pushed without naming a remote")
    func noUpstream() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try await fixture.git(["switch", "--quiet", "-c", "lonely"])
        #expect(await fixture.failure("git_push", ["repo": "demo"]) == .noUpstream(branch: "lonely"))
        #expect(await fixture.failure("git_pull", ["repo": "demo"]) == .noUpstream(branch: "lonely"))
    }

    @Test("a pull with conflicts lists the files and says how the repository was left")
    func pullConflicts() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try await Self.divergeNotes(fixture)
        let error = await fixture.failure("git_pull", ["repo": "demo"])
        #expect(error == .pullConflicts(files: ["notes.txt"], state: GitOperation.merge.advice))
        #expect(error?.description.contains("git merge --abort") == true)
        let status: GitStatusReport = try await fixture.report("git_status", ["repo": "demo"])
        #expect(status.conflicted == ["notes.txt"] && status.operation == .merge)
        #expect(try fixture.read("notes.txt").contains("<<<<<<<"))
    }

    @Test("a rebasing pull with conflicts says a rebase is in progress")
    func rebaseConflicts() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try await Self.divergeNotes(fixture)
        let error = await fixture.failure("git_pull", ["repo": "demo", "rebase": true])
        #expect(error == .pullConflicts(files: ["notes.txt"], state: GitOperation.rebase.advice))
    }

    @Test("a pull that would overwrite local changes is refused and leaves them")
    func pullBlocked() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let other = try await fixture.otherClone()
        try GitFixture.write(other.appendingPathComponent("notes.txt"), "theirs\n")
        try await fixture.git(["commit", "--quiet", "-am", "theirs"], in: other)
        try await fixture.git(["push", "--quiet"], in: other)
        try fixture.write("notes.txt", "uncommitted\n")
        let error = await fixture.failure("git_pull", ["repo": "demo"])
        #expect(error == .localChangesBlock(operation: "pull", files: ["notes.txt"]))
        #expect(try fixture.read("notes.txt") == "uncommitted\n")
    }

    @Test("popping a stash that conflicts keeps the entry and lists the files")
    func stashConflict() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try fixture.write("notes.txt", "stashed\n")
        _ = try await fixture.call("git_stash", ["repo": "demo", "message": "mine"])
        try fixture.write("notes.txt", "committed meanwhile\n")
        try await fixture.git(["commit", "--quiet", "-am", "meanwhile"])
        let error = await fixture.failure("git_stash", ["repo": "demo", "action": "pop"])
        #expect(error == .stashConflict(files: ["notes.txt"]))
        #expect(error?.description.contains("was kept") == true)
        #expect(try await fixture.git(["stash", "list"]).contains("mine"))
        #expect(await fixture.failure("git_stash", ["repo": "demo", "action": "drop", "index": 5]) == .noStashEntry(index: 5))
        try await fixture.git(["reset", "--quiet", "--hard"])
        #expect(await fixture.failure("git_stash", ["repo": "demo"]) == .nothingToStash)
    }

    @Test("blame of a missing or uncommitted file, or past the end of a file")
    func blameMissing() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        #expect(await fixture.failure("git_blame", ["repo": "demo", "path": "ghost.txt"]) == .noSuchFile(path: "ghost.txt", revision: "HEAD"))
        try fixture.write("draft.txt", "not committed\n")
        #expect(await fixture.failure("git_blame", ["repo": "demo", "path": "draft.txt"]) == .noSuchFile(path: "draft.txt", revision: "HEAD"))
        let range = await fixture.failure("git_blame", ["repo": "demo", "path": "notes.txt", "start_line": 5, "end_line": 9])
        guard case .invalidLineRange(let path, _)? = range else {
            Issue.record("expected invalidLineRange, got \(String(describing: range))")
            return
        }
        #expect(path == "notes.txt")
    }

    @Test("a clone into an existing folder or of a missing source is refused")
    func cloneFailures() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        #expect(await fixture.failure("git_clone", ["url": .string(fixture.remote.path), "name": "demo"]) == .destinationExists(fixture.demo.path))
        let missing = await fixture.failure("git_clone", ["url": .string(fixture.folder.file("nothing.git").path), "name": "x"])
        guard case .remoteUnreachable? = missing else {
            Issue.record("expected remoteUnreachable, got \(String(describing: missing))")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.repos.appendingPathComponent("x").path))
        let branch = await fixture.failure("git_clone", ["url": .string(fixture.remote.path), "name": "y", "branch": "nope"])
        #expect(branch == .unknownBranch("nope"))
    }

    /// Makes `demo` and the remote both change line one of notes.txt.
    static func divergeNotes(_ fixture: GitFixture) async throws {
        let other = try await fixture.otherClone()
        try GitFixture.write(other.appendingPathComponent("notes.txt"), "theirs\n")
        try await fixture.git(["commit", "--quiet", "-am", "theirs"], in: other)
        try await fixture.git(["push", "--quiet"], in: other)
        try fixture.write("notes.txt", "mine\n")
        try await fixture.git(["commit", "--quiet", "-am", "mine"])
    }
}
