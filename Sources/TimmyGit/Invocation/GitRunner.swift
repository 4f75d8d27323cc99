import Foundation
import TimmyProcess

/// Runs the git CLI for the tools: always through `ProcessRunner`, with the same hardening options
/// and environment, a timeout and an output cap. It never interprets a result; callers do.
struct GitRunner: Sendable {
    /// Limit for work on the local repository.
    static let localTimeout: Duration = .seconds(120)
    /// Limit for clone, fetch, pull and push, which wait on a remote.
    static let networkTimeout: Duration = .seconds(600)
    /// Most bytes git may write to either stream in one call.
    static let outputLimit = 64 << 20

    /// Placed before every subcommand: no transport helpers, no repository hooks, no fsmonitor
    /// command, no colour, and paths printed as they are.
    static let hardening: [String] = [
        "-c", "protocol.ext.allow=never", "-c", "protocol.fd.allow=never", "-c", "core.hooksPath=/dev/null",
        "-c", "core.fsmonitor=false", "-c", "color.ui=false", "-c", "core.quotePath=false",
    ]

    /// English messages for parsing, no prompts or pagers or editors, no system config, literal
    /// pathspecs, only the allowed transports; inherited variables that would point git at another
    /// repository or inject configuration are removed.
    static let environment: [String: String?] = [
        "LC_ALL": "C", "LANGUAGE": nil, "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "PAGER": "cat", "GIT_EDITOR": "true",
        "GIT_SEQUENCE_EDITOR": "true", "GIT_MERGE_AUTOEDIT": "no", "GIT_CONFIG_NOSYSTEM": "1", "GIT_LITERAL_PATHSPECS": "1",
        "GIT_ALLOW_PROTOCOL": "https:http:ssh:file", "GIT_DIR": nil, "GIT_WORK_TREE": nil, "GIT_INDEX_FILE": nil,
        "GIT_OBJECT_DIRECTORY": nil, "GIT_ALTERNATE_OBJECT_DIRECTORIES": nil, "GIT_COMMON_DIR": nil, "GIT_NAMESPACE": nil,
        "GIT_CONFIG": nil, "GIT_CONFIG_PARAMETERS": nil, "GIT_CONFIG_COUNT": nil, "GIT_EXTERNAL_DIFF": nil,
    ]

    /// Runs `git <hardening> <arguments>` in `directory`, which also bounds repository discovery.
    func run(
        _ arguments: [String], in directory: URL, timeout: Duration = localTimeout, environment extra: [String: String?] = [:]
    ) async throws(GitToolError) -> ProcessOutput {
        var environment = Self.environment.merging(extra) { $1 }
        environment["GIT_CEILING_DIRECTORIES"] = directory.deletingLastPathComponent().path
        let request = ProcessRequest(
            "git", Self.hardening + arguments, workingDirectory: directory, environment: environment, timeout: timeout,
            outputLimit: Self.outputLimit, label: "git \(arguments.first ?? "")")
        do {
            return try await ProcessRunner.run(request)
        } catch {
            throw .process(error)
        }
    }

    /// Runs git and returns its output when it exits 0. Otherwise `failure` may name the problem;
    /// if it does not, the common failures are recognised, and anything else is reported with git's message.
    func succeed(
        _ arguments: [String], in directory: URL, timeout: Duration = localTimeout, environment: [String: String?] = [:],
        failure: (ProcessOutput) async throws(GitToolError) -> GitToolError? = { _ in nil }
    ) async throws(GitToolError) -> ProcessOutput {
        let output = try await run(arguments, in: directory, timeout: timeout, environment: environment)
        guard output.succeeded else {
            throw try await failure(output) ?? GitFailure.classify(output, command: "git \(arguments.first ?? "")", directory: directory)
        }
        return output
    }
}
