import Foundation
import TimmyFileTools
import TimmyProcess

/// A working tree inside the allowed roots, and the git calls every tool makes on one.
struct GitRepository: Sendable {
    let url: URL
    let gitDirectory: URL
    let git: GitRunner

    var path: String { url.path }

    /// Runs git in the working tree and returns its output whatever the exit status.
    func run(_ arguments: [String], timeout: Duration = GitRunner.localTimeout) async throws(GitToolError) -> ProcessOutput {
        try await git.run(arguments, in: url, timeout: timeout)
    }

    /// Runs git in the working tree and throws a `GitToolError` unless it exits 0; see `GitRunner.succeed`.
    func succeed(
        _ arguments: [String], timeout: Duration = GitRunner.localTimeout, environment: [String: String?] = [:],
        failure: (ProcessOutput) async throws(GitToolError) -> GitToolError? = { _ in nil }
    ) async throws(GitToolError) -> ProcessOutput {
        try await git.succeed(arguments, in: url, timeout: timeout, environment: environment, failure: failure)
    }

    /// A file argument as a path relative to the working tree; paths leading out of it are refused.
    func file(_ path: String, argument: String = "path") throws(GitToolError) -> String {
        let jail = PathJail(root: url)
        guard let resolved = try? jail.resolve(path, argument: argument) else {
            throw .pathOutsideRepository(path: path, repository: self.path)
        }
        return jail.relative(resolved)
    }

    /// `git status` of the working tree, with any operation left in progress.
    func status() async throws(GitToolError) -> GitStatusReport {
        var report = StatusParser.parse(try await succeed(StatusParser.options).standardOutput, repository: path)
        report.operation = GitOperation.inProgress(in: gitDirectory)
        return report
    }

    /// The checked-out branch, or `detachedHead` naming what could not be done without one.
    func currentBranch(for operation: String) async throws(GitToolError) -> String {
        let output = try await run(["symbolic-ref", "--quiet", "--short", "HEAD"])
        let name = output.outputText.trimmingCharacters(in: .newlines)
        guard output.succeeded, !name.isEmpty else { throw .detachedHead(operation: operation) }
        return name
    }

    /// The commit HEAD points at, parsed like `git log`; nil before the first commit.
    func headCommit() async throws(GitToolError) -> GitCommit? {
        let output = try await run(LogParser.options + ["--max-count=1", "HEAD", "--"])
        return output.succeeded ? LogParser.parse(output.standardOutput).first : nil
    }
}
