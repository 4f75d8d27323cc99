import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyDirector
import TimmySwarm
import TimmyTestSupport

/// What the Director tests share: waiting for a project, and reading its files' hashes.
enum DirectorFixtures {
    /// Creates a project and waits for its pass to end.
    static func make(_ test: TestRuntime, _ request: CreateProjectRequest) async throws -> ProjectDetail {
        let created = try await test.runtime.createProject(request)
        await test.runtime.director.wait(for: created.project.id)
        return try await test.runtime.project(created.project.id)
    }

    /// Waits for the project's current pass to end and reads it.
    static func settle(_ test: TestRuntime, _ id: String) async throws -> ProjectDetail {
        await test.runtime.director.wait(for: id)
        return try await test.runtime.project(id)
    }

    /// Each step row's recorded file hashes, by `kind ordinal`.
    static func hashes(_ detail: ProjectDetail) -> [String: [String]] {
        var hashes: [String: [String]] = [:]
        for step in detail.steps where step.kind != .script {
            hashes["\(step.kind.rawValue) \(step.ordinal)"] = (step.outputs["assets"]?.arrayValue ?? []).compactMap { $0["sha256"]?.stringValue }
        }
        return hashes
    }

    /// The SHA-256 of a file, by `sha256sum`.
    static func sha256(_ path: String) throws -> String {
        String(try MediaProbe.run("sha256sum", [path]).prefix(64))
    }

    /// The scene of each clip row, by ordinal.
    static func clipScenes(_ detail: ProjectDetail) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: detail.steps.filter { $0.kind == .clips }.map { ($0.ordinal, $0.scene ?? 0) })
    }
}
