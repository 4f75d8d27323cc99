import Foundation
import TimmyProcess

/// SHA-256 of files, by coreutils' `sha256sum` through the one process runner: what a step's
/// outputs are checked against before they are reused.
enum FileHash {
    /// The hex digest of each file, in order; nil for a file that is missing.
    static func sha256(_ files: [URL]) async throws -> [String?] {
        let present = files.filter { FileManager.default.fileExists(atPath: $0.path) }
        guard !present.isEmpty else { return files.map { _ in nil } }
        let output = try await ProcessRunner.run(
            ProcessRequest("sha256sum", ["--"] + present.map(\.path), timeout: .seconds(300), outputLimit: 1 << 20, label: "sha256sum"))
        guard output.status == .exited(0) else {
            throw DirectorError.failed("sha256sum failed: \(String(decoding: output.standardError, as: UTF8.self).prefix(300))")
        }
        var digests: [String: String] = [:]
        for (file, line) in zip(present, String(decoding: output.standardOutput, as: UTF8.self).split(separator: "\n")) {
            digests[file.path] = String(line.prefix(64))
        }
        return files.map { digests[$0.path] }
    }

    static func sha256(_ file: URL) async throws -> String? { try await sha256([file]).first ?? nil }
}
