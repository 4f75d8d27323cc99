import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyGit
import TimmyProcess
import TimmyTestSupport

/// A temporary world for the git tool tests: `repos/` (the git_default_repo_dir) holding `demo`,
/// a working copy with one pushed commit, and `remote.git`, a bare repository beside it as its
/// origin. Identities are set per command (`-c user.name=…`) or in the repository's own config.
struct GitFixture: GitToolCalling {
    let folder: TemporaryDirectory
    let settings: Settings
    let registry = ToolRegistry(GitTools.all)

    var repos: URL { folder.file("repos") }
    var remote: URL { folder.file("remote.git") }
    var demo: URL { folder.file("repos/demo") }

    init(settings extra: [(any SettingKey, String)] = []) async throws {
        folder = try TemporaryDirectory("timmy-git")
        var settings = Settings(baseDirectory: folder.url)
        try settings.set(.gitDefaultRepoDir, text: folder.file("repos").path, source: .flag("test"))
        for (setting, value) in extra { try settings.set(setting, text: value, source: .flag("test")) }
        self.settings = settings
        try await Self.git(["init", "--quiet", "--bare", "-b", "main", remote.path], in: folder.url)
        try await Self.makeRepository(demo, files: ["README.md": "# demo\n", "notes.txt": "one\n"])
        try await git(["remote", "add", "origin", remote.path])
        try await git(["push", "--quiet", "-u", "origin", "main"])
    }

    /// A new repository on `main` with repo-local identity and one commit holding `files`.
    static func makeRepository(_ url: URL, files: [String: String]) async throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try await git(["init", "--quiet", "-b", "main"], in: url)
        try await git(["config", "user.name", "Test Author"], in: url)
        try await git(["config", "user.email", "test@example.com"], in: url)
        for (path, text) in files { try write(url.appendingPathComponent(path), text) }
        try await git(["add", "--all"], in: url)
        try await git(["commit", "--quiet", "-m", "initial"], in: url)
    }

    /// Runs git directly (not through the tools) and returns its standard output; fails the test on a non-zero exit.
    @discardableResult
    static func git(_ arguments: [String], in directory: URL) async throws -> String {
        let request = ProcessRequest(
            "git", ["-c", "user.name=Test Author", "-c", "user.email=test@example.com"] + arguments, workingDirectory: directory,
            environment: ["LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_CONFIG_NOSYSTEM": "1"])
        let output = try await ProcessRunner.run(request)
        guard output.succeeded else { throw GitFixtureError(message: "git \(arguments.joined(separator: " ")): \(output.errorText)") }
        return output.outputText
    }

    @discardableResult
    func git(_ arguments: [String], in directory: URL? = nil) async throws -> String {
        try await Self.git(arguments, in: directory ?? demo)
    }

    static func write(_ file: URL, _ text: String) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    /// Writes a file in `demo`.
    func write(_ relative: String, _ text: String) throws { try Self.write(demo.appendingPathComponent(relative), text) }

    func read(_ relative: String) throws -> String { try String(contentsOf: demo.appendingPathComponent(relative), encoding: .utf8) }

    /// A second working copy of the remote, as another person would have, outside the roots.
    func otherClone() async throws -> URL {
        let other = folder.file("other")
        try await Self.git(["clone", "--quiet", remote.path, other.path], in: folder.url)
        return other
    }

    /// The `GitToolError` a call fails with; records an issue when it succeeds or fails otherwise.
    func failure(
        _ tool: String, _ arguments: [String: JSONValue], as persona: String = "forge", sourceLocation: SourceLocation = #_sourceLocation
    ) async -> GitToolError? {
        do {
            let result = try await call(tool, arguments, as: persona)
            Issue.record("\(tool) succeeded but should have failed: \(result.summary)", sourceLocation: sourceLocation)
        } catch let error as GitToolError {
            return error
        } catch {
            Issue.record("\(tool) failed with \(type(of: error)) instead of GitToolError: \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// Every file below the folder (git's own files included) with its contents, to prove a refusal changed nothing.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder.url, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            files[url.path] = try? Data(contentsOf: url)
        }
        return files
    }

    func remove() { folder.remove() }
}

/// A fixture that calls git tools with its own settings, the way the swarm does.
protocol GitToolCalling {
    var settings: Settings { get }
    var registry: ToolRegistry { get }
}

extension GitToolCalling {
    /// Calls a git tool the way the swarm does: toolkit and arguments checked, then run.
    func call(_ tool: String, _ arguments: [String: JSONValue], as persona: String = "forge") async throws -> ToolResult {
        let (tool, checked) = try registry.prepare(tool: tool, persona: persona, arguments: arguments)
        return try await tool.run(checked, context: ToolContext(persona: persona, taskID: nil, settings: settings))
    }

    /// A tool's JSON data decoded as its typed report.
    func report<Report: GitReport>(_ tool: String, _ arguments: [String: JSONValue], as persona: String = "forge") async throws -> Report {
        let result = try await call(tool, arguments, as: persona)
        let decoder = JSONCoding.decoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Report.self, from: JSONCoding.encoder().encode(result.data))
    }
}

struct GitFixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
