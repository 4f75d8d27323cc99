import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyProcess
import TimmyTestSupport

@testable import TimmyGit

/// The attack classes behind GitPython's advisories (CVE-2022-24439 and successors) and path
/// escapes: each must fail, and the marker an injected command would create must not exist and
/// no file under the test folder may change.
@Suite("Git tools: refusals change nothing")
struct GitSafetyTests {
    /// Runs a call that must be refused, then checks nothing happened.
    func expectRefused(
        _ tool: String, _ arguments: [String: JSONValue], in fixture: GitFixture, sourceLocation: SourceLocation = #_sourceLocation
    ) async -> GitToolError? {
        let before = fixture.snapshot()
        let error = await fixture.failure(tool, arguments, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: Self.marker(fixture).path), "an injected command ran", sourceLocation: sourceLocation)
        #expect(fixture.snapshot() == before, "files changed after a refused \(tool)", sourceLocation: sourceLocation)
        return error
    }

    static func marker(_ fixture: GitFixture) -> URL { fixture.folder.file("pwned") }

    @Test(
        "clone URLs that smuggle options or transports are refused",
        arguments: [
            "--upload-pack=touch {marker}", "--upload-pa=touch {marker}", "-u touch {marker}", "-utouch {marker}",
            "--config=core.sshCommand=touch {marker}", "-c core.sshCommand=touch {marker}", "--template={folder}",
            "--separate-git-dir={marker}", "ext::sh -c touch% {marker}", "EXT::sh -c touch% {marker}", "fd::17", "fd::0,1/x",
            "anything::{folder}/remote.git", "ssh://-oProxyCommand=touch% {marker}/x", "git@-oProxyCommand=touch:x",
            "-oProxyCommand=touch {marker}@host:x", "git://example.com/x.git", "gopher://example.com/x", "host:path/x.git", "", "line\nbreak",
        ])
    func cloneURLs(_ template: String) async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let url = template.replacingOccurrences(of: "{marker}", with: Self.marker(fixture).path)
            .replacingOccurrences(of: "{folder}", with: fixture.folder.path)
        let error = await expectRefused("git_clone", ["url": .string(url), "name": "attack"], in: fixture)
        guard case .refusedURL? = error else {
            Issue.record("expected refusedURL, got \(String(describing: error))")
            return
        }
    }

    @Test("values that would be read as options are refused in every tool", arguments: Self.optionInjections)
    func optionValues(_ tool: String, _ arguments: [String: String]) async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        var values = arguments.mapValues { JSONValue.string($0.replacingOccurrences(of: "{marker}", with: Self.marker(fixture).path)) }
        if tool != "git_clone" { values["repo"] = "demo" }
        let error = await expectRefused(tool, values, in: fixture)
        #expect(error?.description.contains("would be read as an option") == true)
    }

    static let optionInjections: [(String, [String: String])] = [
        ("git_log", ["ref": "--output={marker}"]),
        ("git_diff", ["ref": "--output={marker}"]),
        ("git_diff", ["ref": "HEAD", "to": "--output={marker}"]),
        ("git_blame", ["path": "README.md", "ref": "--contents={marker}"]),
        ("git_branch", ["action": "create", "name": "--help"]),
        ("git_branch", ["action": "create", "name": "topic", "start_point": "--orphan={marker}"]),
        ("git_branch", ["action": "switch", "name": "--orphan={marker}"]),
        ("git_branch", ["action": "delete", "name": "-r"]),
        ("git_push", ["remote": "--receive-pack=touch {marker}"]),
        ("git_push", ["remote": "--exec=touch {marker}"]),
        ("git_push", ["branch": "--mirror"]),
        ("git_pull", ["remote": "--upload-pack=touch {marker}"]),
        ("git_pull", ["remote": "origin", "branch": "--upload-pack=touch {marker}"]),
        ("git_clone", ["url": "/tmp", "branch": "--upload-pack=touch {marker}"]),
        ("git_clone", ["url": "/tmp", "name": "--template={marker}"]),
    ]

    @Test(
        "repositories outside the allowed roots are refused, naming the roots",
        arguments: ["../remote.git", "/etc", "~", "demo/../../remote.git", "link", "link/remote.git", "/"])
    func repositoryOutsideRoots(_ repo: String) async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try FileManager.default.createSymbolicLink(at: fixture.repos.appendingPathComponent("link"), withDestinationURL: fixture.folder.url)
        let error = await expectRefused("git_status", ["repo": .string(repo)], in: fixture)
        #expect(error == .outsideRoots(path: repo, roots: [fixture.repos.path]))
        #expect(error?.description.contains(fixture.repos.path) == true)
    }

    @Test("file arguments must stay inside the repository", arguments: ["../../remote.git/config", "/etc/passwd", "escape/remote.git/HEAD"])
    func filesOutsideRepository(_ path: String) async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try FileManager.default.createSymbolicLink(at: fixture.demo.appendingPathComponent("escape"), withDestinationURL: fixture.folder.url)
        let before = fixture.snapshot()
        let expected = GitToolError.pathOutsideRepository(path: path, repository: fixture.demo.path)
        #expect(await fixture.failure("git_blame", ["repo": "demo", "path": .string(path)]) == expected)
        #expect(await fixture.failure("git_add", ["repo": "demo", "paths": [.string(path)]]) == expected)
        #expect(await fixture.failure("git_diff", ["repo": "demo", "paths": [.string(path)]]) == expected)
        #expect(await fixture.failure("git_log", ["repo": "demo", "path": .string(path)]) == expected)
        #expect(fixture.snapshot() == before)
    }

    @Test("clone destinations outside the roots are refused", arguments: ["/tmp/timmy-escape", "../outside", "~/timmy-escape"])
    func cloneDestinations(_ destination: String) async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let error = await expectRefused("git_clone", ["url": .string(fixture.remote.path), "destination": .string(destination)], in: fixture)
        #expect(error == .outsideRoots(path: destination, roots: [fixture.repos.path]))
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.file("outside").path))
    }

    @Test("messages are values, never options: '--amend' commits a new commit named --amend")
    func literalMessages() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let head = try await fixture.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .newlines)
        try fixture.write("notes.txt", "two\n")
        try await fixture.git(["add", "notes.txt"])
        let report: GitCommitReport = try await fixture.report("git_commit", ["repo": "demo", "message": "--amend"])
        #expect(report.commit.subject == "--amend")
        #expect(try await fixture.git(["rev-parse", "HEAD~1"]).trimmingCharacters(in: .newlines) == head)
        try fixture.write("untracked.txt", "u\n")
        try fixture.write("notes.txt", "three\n")
        let stash: GitStashReport = try await fixture.report("git_stash", ["repo": "demo", "message": "--include-untracked"])
        #expect(stash.entries.first?.message.hasSuffix("--include-untracked") == true)
        #expect(FileManager.default.fileExists(atPath: fixture.demo.appendingPathComponent("untracked.txt").path))
    }

    @Test("a repository's own hooks and fsmonitor command never run")
    func hardening() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let marker = Self.marker(fixture).path
        let hook = fixture.demo.appendingPathComponent(".git/hooks/pre-commit")
        try GitFixture.write(hook, "#!/bin/sh\ntouch '\(marker)'\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        try await fixture.git(["config", "core.fsmonitor", "touch '\(marker)'; false"])
        try fixture.write("notes.txt", "two\n")
        _ = try await fixture.call("git_status", ["repo": "demo"])
        _ = try await fixture.call("git_add", ["repo": "demo", "all": true])
        _ = try await fixture.call("git_commit", ["repo": "demo", "message": "hooks stay off"])
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("git itself refuses the ext:: transport even when a value reaches it")
    func extTransportBlockedInGit() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let marker = Self.marker(fixture).path
        let output = try await GitRunner().run(["clone", "--", "ext::sh -c touch% \(marker)", "target"], in: fixture.repos)
        #expect(!output.succeeded)
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(!FileManager.default.fileExists(atPath: fixture.repos.appendingPathComponent("target").path))
    }

    @Test("credentials in URLs never reach results or errors")
    func credentialsRedacted() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        let error = await fixture.failure("git_clone", ["url": "https://alice:s3cret-token@127.0.0.1:9/x.git", "name": "x"])
        #expect(error != nil && error?.description.contains("s3cret-token") == false)
        let refused = await fixture.failure("git_clone", ["url": "gopher://alice:s3cret-token@example.com/x", "name": "y"])
        #expect(refused == .refusedURL(url: "gopher://***@example.com/x", reason: "the scheme 'gopher' is not allowed"))
        let redacted = GitURLPolicy.redact("To https://ghp_abc123@github.com/me/x.git and ssh://u:p@h/x")
        #expect(redacted == "To https://***@github.com/me/x.git and ssh://***@h/x")
        #expect(GitURLPolicy.redact("git@github.com:me/x.git") == "git@github.com:me/x.git")
    }

    static let fromWork = Settings(baseDirectory: URL(fileURLWithPath: "/work")).resolvePath

    @Test(
        "allowed URL forms pass the policy",
        arguments: [
            "https://github.com/apple/swift.git", "http://localhost:8080/x.git", "ssh://git@example.com:22/x.git", "git@github.com:me/x.git",
            "file:///srv/x.git", "/srv/x.git", "https://[::1]:8443/x.git",
        ])
    func allowedURLs(_ url: String) throws {
        #expect(try GitURLPolicy.cloneSource(url, localPath: Self.fromWork) == url)
    }

    @Test("local paths are made absolute like settings paths", arguments: [("./x", "/work/x"), ("../x", "/x"), ("x/y", "/work/x/y")])
    func localPaths(_ path: String, _ absolute: String) throws {
        #expect(try GitURLPolicy.cloneSource(path, localPath: Self.fromWork) == absolute)
        let home = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent("src/app").standardizedFileURL.path
        #expect(try GitURLPolicy.cloneSource("~/src/app", localPath: Self.fromWork) == home)
    }
}
