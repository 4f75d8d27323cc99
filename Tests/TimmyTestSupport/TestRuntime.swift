import Foundation
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm

/// A runtime on a real SQLite file in a temporary folder, its swarm running in the background.
public final class TestRuntime: Sendable {
    public let folder: TemporaryDirectory
    public let runtime: TimmyRuntime
    /// The swarm's clock: the auction window passes only when a test advances it.
    public let clock: TestClock
    private let running: Task<Void, Never>?

    /// - Parameters:
    ///   - settings: extra settings as setting/text pairs (e.g. `[(Setting.seed, "7")]`).
    ///   - environment: what the runtime reads from the environment (the language model's API key).
    ///   - runsSwarm: false when something else runs the runtime (the web application does): running it
    ///     twice would give each agent two loops competing for one queue.
    public init(
        settings extra: [(any SettingKey, String)] = [], workspaceFiles: [String: String] = ["README.md": "# demo\nhello\n"],
        environment: [String: String] = [:], runsSwarm: Bool = true
    ) async throws {
        folder = try TemporaryDirectory()
        clock = TestClock()
        for (path, text) in workspaceFiles { try folder.write("workspace/\(path)", text) }
        var settings = Settings(baseDirectory: folder.url)
        try settings.set(.workspaceDir, text: folder.file("workspace").path, source: .flag("test"))
        try settings.set(.dataDir, text: folder.file("data").path, source: .flag("test"))
        for (setting, value) in extra { try settings.set(setting, text: value, source: .flag("test")) }
        runtime = try await TimmyRuntime.open(settings: settings, clock: clock, environment: environment)
        try await runtime.recoverInterrupted()
        let runtime = self.runtime
        running = runsSwarm ? Task { await runtime.run() } : nil
    }

    public var store: Store { runtime.store }
    public var workspace: URL { folder.file("workspace") }

    /// Runs a tool as the persona; a queued tool's job is waited for and returned with its assets.
    public func job(_ tool: String, as persona: String, _ arguments: [String: JSONValue]) async throws -> JobDetail {
        let response = try await runtime.runTool(tool, persona: persona, arguments: arguments)
        guard let job = response.job else { throw ServiceError.failed("\(tool) ran at once; it is not a queued tool") }
        _ = try await runtime.jobs.wait(for: job.job.id)
        return try await runtime.job(job.job.id)
    }

    /// The files in one of the media folders (`images`, `music`, `video`).
    public func mediaFiles(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: self.folder.file("data/\(folder)").path)) ?? []).sorted()
    }

    /// Posts a task and waits for it to end.
    public func post(_ description: String) async throws -> TimmyAPI.TaskDetail {
        try await runtime.postTask(description, wait: true)
    }

    /// Stops the swarm and removes the folder.
    public func stop() async {
        runtime.shutdown()
        await running?.value
        folder.remove()
    }
}
