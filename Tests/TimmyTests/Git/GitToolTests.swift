import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyTestSupport

@testable import TimmyGit

@Suite("Git tools: success paths on real repositories")
struct GitToolTests {
    @Test("git_status reports branch, upstream, ahead/behind and staged, unstaged and untracked files")
    func status() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let clean: GitStatusReport = try await fixture.report("git_status", ["repo": "demo"], as: "timmy")
        #expect(clean.branch == "main" && clean.upstream == "origin/main" && clean.ahead == 0 && clean.behind == 0 && clean.isClean)
        try fixture.write("README.md", "# demo\nmore\n")
        try fixture.write("new file.txt", "x\n")
        try fixture.write("notes.txt", "two\n")
        try await fixture.git(["add", "notes.txt"])
        try await fixture.git(["mv", "README.md", "READ.md"])
        let dirty: GitStatusReport = try await fixture.report("git_status", ["repo": "demo"])
        #expect(dirty.staged.contains(GitStatusEntry(path: "notes.txt", change: "modified", from: nil)))
        #expect(dirty.staged.contains(GitStatusEntry(path: "READ.md", change: "renamed", from: "README.md")))
        #expect(dirty.untracked == ["new file.txt"])
        let result = try await fixture.call("git_status", ["repo": .string(fixture.demo.path)])
        #expect(result.summary.hasPrefix("main (tracking origin/main: ahead 0, behind 0): 2 staged"))
        #expect(result.text.contains("renamed: README.md → READ.md"))
    }

    @Test("git_diff gives per-file counts and the patch: unstaged, staged, against a ref, between refs, limited to paths")
    func diff() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try fixture.write("notes.txt", "one\ntwo\nthree\n")
        try fixture.write("README.md", "# Demo\n")
        let unstaged: GitDiffReport = try await fixture.report("git_diff", ["repo": "demo"])
        #expect(unstaged.files.count == 2 && unstaged.insertions == 3 && unstaged.deletions == 1)
        #expect(unstaged.files.contains { $0.path == "notes.txt" && $0.added == 2 && $0.removed == 0 })
        #expect(unstaged.patch.contains("+three") && unstaged.patch.hasPrefix("diff --git"))
        let staged: GitDiffReport = try await fixture.report("git_diff", ["repo": "demo", "staged": true])
        #expect(staged.files.isEmpty)
        try await fixture.git(["add", "notes.txt"])
        let onlyStaged: GitDiffReport = try await fixture.report("git_diff", ["repo": "demo", "staged": true])
        #expect(onlyStaged.files.map(\.path) == ["notes.txt"])
        try await fixture.git(["commit", "--quiet", "-m", "more notes"])
        let between: GitDiffReport = try await fixture.report("git_diff", ["repo": "demo", "ref": "HEAD~1", "to": "HEAD"])
        #expect(between.comparison == "HEAD~1..HEAD" && between.files.map(\.path) == ["notes.txt"])
        let limited: GitDiffReport = try await fixture.report("git_diff", ["repo": "demo", "ref": "HEAD~1", "paths": ["README.md"]])
        #expect(limited.files.map(\.path) == ["README.md"])
        try await fixture.git(["mv", "notes.txt", "renamed.txt"])
        let rename: GitDiffReport = try await fixture.report("git_diff", ["repo": "demo", "staged": true])
        #expect(rename.files == [GitFileChange(path: "renamed.txt", from: "notes.txt", added: 0, removed: 0)])
    }

    @Test("git_log lists commits with author, email, date, subject and files changed; honours max_count, ref and path")
    func log() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        for index in 1...3 {
            try fixture.write("file\(index).txt", "line\n")
            try await fixture.git(["add", "--all"])
            try await fixture.git(["commit", "--quiet", "-m", "add file \(index)"])
        }
        let report: GitLogReport = try await fixture.report("git_log", ["repo": "demo"], as: "echo")
        #expect(report.commits.map(\.subject) == ["add file 3", "add file 2", "add file 1", "initial"])
        let newest = try #require(report.commits.first)
        #expect(newest.author == "Test Author" && newest.email == "test@example.com" && newest.sha.count == 40)
        #expect(newest.files == [GitFileChange(path: "file3.txt", from: nil, added: 1, removed: 0)] && newest.filesChanged == 1)
        #expect(newest.refs.contains("HEAD -> main"))
        #expect(report.commits.last?.filesChanged == 2)
        let limited: GitLogReport = try await fixture.report("git_log", ["repo": "demo", "max_count": 2])
        #expect(limited.commits.count == 2)
        let fromRef: GitLogReport = try await fixture.report("git_log", ["repo": "demo", "ref": "HEAD~2"])
        #expect(fromRef.commits.map(\.subject) == ["add file 1", "initial"])
        let byPath: GitLogReport = try await fixture.report("git_log", ["repo": "demo", "path": "file2.txt"])
        #expect(byPath.commits.map(\.subject) == ["add file 2"])
        let text = try await fixture.call("git_log", ["repo": "demo", "max_count": 1])
        #expect(text.summary.contains("1 commit") && text.text.contains("add file 3 (1 file changed, 1 insertion(+))"))
    }

    @Test("git_log of a repository without commits is empty, not an error")
    func emptyLog() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try await GitFixture.git(["init", "--quiet", "-b", "main", fixture.repos.appendingPathComponent("empty").path], in: fixture.repos)
        let report: GitLogReport = try await fixture.report("git_log", ["repo": "empty"])
        #expect(report.commits.isEmpty)
    }

    @Test("git_branch lists with upstream and last commit, creates from a start point, switches, and deletes")
    func branches() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let listed: GitBranchReport = try await fixture.report("git_branch", ["repo": "demo"])
        #expect(listed.branches.map(\.name) == ["main"] && listed.branches[0].current && listed.branches[0].upstream == "origin/main")
        #expect(listed.branches[0].subject == "initial")
        let created: GitBranchReport = try await fixture.report(
            "git_branch", ["repo": "demo", "action": "create", "name": "feature/login", "start_point": "main"])
        #expect(created.branches.map(\.name).sorted() == ["feature/login", "main"] && created.current == "main")
        let switched: GitBranchReport = try await fixture.report("git_branch", ["repo": "demo", "action": "switch", "name": "feature/login"])
        #expect(switched.current == "feature/login")
        try fixture.write("login.txt", "form\n")
        try await fixture.git(["add", "login.txt"])
        try await fixture.git(["commit", "--quiet", "-m", "login form"])
        _ = try await fixture.call("git_branch", ["repo": "demo", "action": "switch", "name": "main"])
        let refused = await fixture.failure("git_branch", ["repo": "demo", "action": "delete", "name": "feature/login"])
        #expect(refused == .branchNotMerged("feature/login"))
        let deleted = try await fixture.call("git_branch", ["repo": "demo", "action": "delete", "name": "feature/login", "force": true])
        #expect(deleted.summary.hasPrefix("deleted branch feature/login (was "))
        #expect(try await fixture.git(["branch", "--list"]).trimmingCharacters(in: .whitespacesAndNewlines) == "* main")
    }

    @Test("git_add stages given paths, or all changes including deletions")
    func add() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try fixture.write("a.txt", "a\n")
        try fixture.write("b.txt", "b\n")
        let some: GitAddReport = try await fixture.report("git_add", ["repo": "demo", "paths": ["a.txt"]])
        #expect(some.staged.map(\.path) == ["a.txt"])
        try FileManager.default.removeItem(at: fixture.demo.appendingPathComponent("notes.txt"))
        let all: GitAddReport = try await fixture.report("git_add", ["repo": "demo", "all": true])
        #expect(Set(all.staged.map(\.path)) == ["a.txt", "b.txt", "notes.txt"])
        #expect(all.staged.contains(GitStatusEntry(path: "notes.txt", change: "deleted", from: nil)))
    }

    @Test("git_commit commits the index, returns the new sha and says how many files changed")
    func commit() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try fixture.write("a.txt", "a\nb\n")
        try fixture.write("notes.txt", "one\ntwo\n")
        try await fixture.git(["add", "--all"])
        let result = try await fixture.call("git_commit", ["repo": "demo", "message": "add a, extend notes"])
        let sha = try await fixture.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .newlines)
        #expect(result.summary == "committed \(sha.prefix(7)) on main: 2 files changed, 3 insertions(+)")
        #expect(result.summary.firstMatch(of: /(\d+) files? changed/)?.1 == "2")
        #expect(result.data["commit"]?["sha"]?.stringValue == sha)
        try fixture.write("c.txt", "c\n")
        try await fixture.git(["add", "c.txt"])
        let authored: GitCommitReport = try await fixture.report(
            "git_commit", ["repo": "demo", "message": "by Ada", "author": "Ada Lovelace <ada@example.com>"])
        #expect(authored.commit.author == "Ada Lovelace" && authored.commit.email == "ada@example.com")
        #expect(try await fixture.git(["log", "-1", "--format=%an <%ae>|%cn"]) == "Ada Lovelace <ada@example.com>|Test Author\n")
    }

    @Test("git_push pushes a new branch and sets its upstream, then fast-forwards it")
    func push() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try await fixture.git(["switch", "--quiet", "-c", "topic"])
        try fixture.write("topic.txt", "t\n")
        try await fixture.git(["add", "--all"])
        try await fixture.git(["commit", "--quiet", "-m", "topic"])
        let first: GitPushReport = try await fixture.report("git_push", ["repo": "demo", "remote": "origin", "set_upstream": true], as: "helm")
        #expect(first.outcome == "new branch" && first.remoteRef == "refs/heads/topic" && first.upstreamSet)
        #expect(first.url == fixture.remote.path)
        try fixture.write("topic.txt", "t\nu\n")
        try await fixture.git(["commit", "--quiet", "-am", "more topic"])
        let second: GitPushReport = try await fixture.report("git_push", ["repo": "demo"])
        #expect(second.outcome == "fast-forward" && second.range != nil)
        let remoteHead = try await GitFixture.git(["rev-parse", "refs/heads/topic"], in: fixture.remote)
        #expect(remoteHead == (try await fixture.git(["rev-parse", "HEAD"])))
        let again: GitPushReport = try await fixture.report("git_push", ["repo": "demo"])
        #expect(again.outcome == "up to date")
    }

    @Test("git_pull fast-forwards, and merges when both sides moved")
    func pull() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let other = try await fixture.otherClone()
        try GitFixture.write(other.appendingPathComponent("remote.txt"), "r\n")
        try await fixture.git(["add", "--all"], in: other)
        try await fixture.git(["commit", "--quiet", "-m", "remote work"], in: other)
        try await fixture.git(["push", "--quiet"], in: other)
        let forward: GitPullReport = try await fixture.report("git_pull", ["repo": "demo"])
        #expect(forward.outcome == "fast-forward" && forward.files.map(\.path) == ["remote.txt"])
        #expect(try fixture.read("remote.txt") == "r\n")
        let upToDate: GitPullReport = try await fixture.report("git_pull", ["repo": "demo"])
        #expect(upToDate.outcome == "up to date")
        try GitFixture.write(other.appendingPathComponent("remote2.txt"), "r2\n")
        try await fixture.git(["add", "--all"], in: other)
        try await fixture.git(["commit", "--quiet", "-m", "more remote work"], in: other)
        try await fixture.git(["push", "--quiet"], in: other)
        try fixture.write("local.txt", "l\n")
        try await fixture.git(["add", "--all"])
        try await fixture.git(["commit", "--quiet", "-m", "local work"])
        let merged: GitPullReport = try await fixture.report("git_pull", ["repo": "demo", "remote": "origin", "branch": "main"])
        #expect(merged.outcome == "merged" && merged.files.map(\.path) == ["remote2.txt"])
        #expect(try await fixture.git(["log", "-1", "--format=%P"]).split(separator: " ").count == 2)
    }

    @Test("git_pull with rebase replays local commits on top of the remote's")
    func pullRebase() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let other = try await fixture.otherClone()
        try GitFixture.write(other.appendingPathComponent("remote.txt"), "r\n")
        try await fixture.git(["add", "--all"], in: other)
        try await fixture.git(["commit", "--quiet", "-m", "remote work"], in: other)
        try await fixture.git(["push", "--quiet"], in: other)
        try fixture.write("local.txt", "l\n")
        try await fixture.git(["add", "--all"])
        try await fixture.git(["commit", "--quiet", "-m", "local work"])
        let rebased: GitPullReport = try await fixture.report("git_pull", ["repo": "demo", "rebase": true])
        #expect(rebased.outcome == "rebased")
        #expect(try await fixture.git(["log", "--format=%s"]) == "local work\nremote work\ninitial\n")
    }

    @Test("git_blame gives sha, author, date and text per line, optionally for a range")
    func blame() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try fixture.write("notes.txt", "one\ntwo\nthree\n")
        try await fixture.git(["commit", "--quiet", "-am", "more notes", "--date=2005-04-07T22:13:13+0230"])
        let report: GitBlameReport = try await fixture.report("git_blame", ["repo": "demo", "path": "notes.txt"], as: "echo")
        #expect(report.lines.map(\.text) == ["one", "two", "three"] && report.lines.map(\.line) == [1, 2, 3])
        #expect(report.lines[0].summary == "initial" && report.lines[1].summary == "more notes")
        #expect(report.lines[0].author == "Test Author" && report.lines[0].email == "test@example.com")
        #expect(report.lines[1].date == "2005-04-07T22:13:13+02:30" && report.lines[0].sha != report.lines[1].sha)
        #expect(report.lines[0].date == (try await fixture.git(["log", "-1", "--format=%aI", "HEAD~1"])).trimmingCharacters(in: .newlines))
        let range: GitBlameReport = try await fixture.report("git_blame", ["repo": "demo", "path": "notes.txt", "start_line": 2, "end_line": 3])
        #expect(range.lines.map(\.line) == [2, 3])
        let old: GitBlameReport = try await fixture.report("git_blame", ["repo": "demo", "path": "notes.txt", "ref": "HEAD~1"])
        #expect(old.lines.map(\.text) == ["one"])
    }

    @Test("git_stash pushes with a message, lists, applies, pops and drops")
    func stash() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try fixture.write("notes.txt", "one\nwip\n")
        let pushed: GitStashReport = try await fixture.report("git_stash", ["repo": "demo", "message": "half done"])
        #expect(pushed.entries.count == 1 && pushed.entries[0].message.hasSuffix("half done") && pushed.entries[0].name == "stash@{0}")
        #expect(try fixture.read("notes.txt") == "one\n")
        let listed: GitStashReport = try await fixture.report("git_stash", ["repo": "demo", "action": "list"])
        #expect(listed.entries == pushed.entries)
        _ = try await fixture.call("git_stash", ["repo": "demo", "action": "apply"])
        #expect(try fixture.read("notes.txt") == "one\nwip\n")
        try await fixture.git(["checkout", "--", "notes.txt"])
        let popped: GitStashReport = try await fixture.report("git_stash", ["repo": "demo", "action": "pop", "index": 0])
        #expect(popped.entries.isEmpty && popped.entry == "stash@{0}")
        #expect(try fixture.read("notes.txt") == "one\nwip\n")
        _ = try await fixture.call("git_stash", ["repo": "demo", "action": "push"])
        let dropped: GitStashReport = try await fixture.report("git_stash", ["repo": "demo", "action": "drop"])
        #expect(dropped.entries.isEmpty && dropped.summary == "dropped stash@{0}")
    }

    @Test("git_clone clones a local path by name, into a destination, a branch, and shallowly")
    func clone() async throws {
        let fixture = try await GitFixture(settings: [(Setting.repoRoots, "extra")])
        defer { fixture.remove() }
        try await fixture.git(["push", "--quiet", "origin", "main:other-branch"])
        let named: GitCloneReport = try await fixture.report("git_clone", ["url": .string(fixture.remote.path), "name": "copy"], as: "helm")
        #expect(named.repository == fixture.repos.appendingPathComponent("copy").path && named.branch == "main")
        #expect(named.head?.subject == "initial")
        #expect(FileManager.default.fileExists(atPath: fixture.repos.appendingPathComponent("copy/README.md").path))
        let byURL: GitCloneReport = try await fixture.report("git_clone", ["url": .string("file://" + fixture.remote.path), "depth": 1])
        #expect(byURL.name == "remote" && byURL.url.hasPrefix("file://"))
        try FileManager.default.createDirectory(at: fixture.folder.file("extra"), withIntermediateDirectories: true)
        let work = fixture.folder.file("extra/work").path
        let elsewhere: GitCloneReport = try await fixture.report(
            "git_clone", ["url": .string(fixture.remote.path), "destination": .string(work), "branch": "other-branch"])
        #expect(elsewhere.repository == fixture.folder.file("extra/work").path && elsewhere.branch == "other-branch")
        let status: GitStatusReport = try await fixture.report("git_status", ["repo": .string(fixture.folder.file("extra/work").path)])
        #expect(status.branch == "other-branch" && status.isClean)
        let shallow: GitCloneReport = try await fixture.report("git_clone", ["url": .string(fixture.remote.path), "name": "shallow", "depth": 1])
        #expect(try await fixture.git(["rev-parse", "--is-shallow-repository"], in: URL(fileURLWithPath: shallow.repository)) == "true\n")
    }

    @Test("git_default_repo_dir is created on first use")
    func createsRepoFolder() async throws {
        let fixture = try await GitFixture(settings: [(Setting.gitDefaultRepoDir, "fresh/repos")])
        defer { fixture.remove() }
        let report: GitCloneReport = try await fixture.report("git_clone", ["url": .string(fixture.remote.path)])
        #expect(report.repository == fixture.folder.file("fresh/repos/remote").path)
    }

    @Test("each tool is in the toolkits the issue names, and only those")
    func toolkits() {
        let registry = ToolRegistry(GitTools.all)
        #expect(registry.names.count == 18 && GitTools.all.allSatisfy { $0.family == "git" })
        #expect(registry.toolkit(of: "timmy") == ["git_status", "git_diff", "git_log", "git_pr_list", "git_pr_view"])
        #expect(registry.toolkit(of: "echo") == ["git_log", "git_blame", "git_pr_list", "git_pr_view"])
        #expect(registry.toolkit(of: "mace") == ["git_pr_review"])
        #expect(registry.toolkit(of: "helm") == Set(registry.names).subtracting(["git_blame"]))
        #expect(registry.toolkit(of: "forge") == Set(registry.names))
        #expect(registry.toolkit(of: "pixel").isEmpty)
    }
}
