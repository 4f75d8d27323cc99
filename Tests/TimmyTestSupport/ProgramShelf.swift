import Foundation

/// A folder to put first and alone on a server's PATH: every program of the machine's PATH, linked,
/// less the ones a test takes away, and with the ones it traps wrapped so that each run of them,
/// once armed, stops itself (SIGSTOP) before it starts, its pid written down, for the test to kill.
public struct ProgramShelf: Sendable {
    public let folder: URL

    /// - Parameters:
    ///   - missing: programs left off the shelf.
    ///   - trapped: programs wrapped; a run stops itself while `arm(_:)` is in force.
    public init(in parent: URL, missing: Set<String> = [], trapped: Set<String> = []) throws {
        folder = parent.appendingPathComponent("bin-\(UUID().uuidString.prefix(8))")
        let files = FileManager.default
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":").map(String.init) {
            for name in (try? files.contentsOfDirectory(atPath: directory)) ?? [] where !missing.contains(name) {
                let link = folder.appendingPathComponent(name)
                guard !files.fileExists(atPath: link.path) else { continue }
                if trapped.contains(name) {
                    try Self.wrapper(for: "\(directory)/\(name)", name: name).write(to: link, atomically: true, encoding: .utf8)
                    try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: link.path)
                } else {
                    try files.createSymbolicLink(atPath: link.path, withDestinationPath: "\(directory)/\(name)")
                }
            }
        }
    }

    /// The environment that gives a server this shelf as its whole PATH.
    public var environment: [String: String] { ["PATH": folder.path] }

    /// The next run of `program` stops itself before it starts.
    public func arm(_ program: String) throws {
        FileManager.default.createFile(atPath: folder.appendingPathComponent("\(program).armed").path, contents: nil)
    }

    /// Waits for a trapped run of `program` to stop itself, and returns its pid.
    public func stoppedRun(of program: String, timeout: Duration = Patience.wait) async throws -> Int32 {
        let file = folder.appendingPathComponent("\(program).pid")
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return pid
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw MediaProbe.ProbeError(message: "\(program) was not run within \(timeout)")
    }

    /// A shell script that, when armed, disarms, writes its pid (which `exec` keeps), stops itself,
    /// and otherwise runs the real program.
    private static func wrapper(for real: String, name: String) -> String {
        """
        #!/bin/sh
        shelf="$(dirname "$0")"
        if [ -e "$shelf/\(name).armed" ]; then
          rm -f "$shelf/\(name).armed"
          echo $$ > "$shelf/\(name).pid.part" && mv "$shelf/\(name).pid.part" "$shelf/\(name).pid"
          kill -STOP $$
        fi
        exec "\(real)" "$@"

        """
    }
}
