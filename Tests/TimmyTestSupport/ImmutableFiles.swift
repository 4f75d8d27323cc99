import Foundation

/// Files made immutable (`chattr +i`) for one test: unlike mode bits, which root ignores, this stops
/// every write, through handles already open too. `stop` makes them writable again.
public struct ImmutableFiles: Stoppable {
    public let files: [URL]

    public init(_ files: [URL]) throws {
        self.files = files
        try Self.chattr("+i", files)
    }

    public func stop() async {
        try? Self.chattr("-i", files)
    }

    private static func chattr(_ flag: String, _ files: [URL]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag] + files.map(\.path)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw MediaProbe.ProbeError(message: "chattr \(flag) \(files.map(\.lastPathComponent)) failed")
        }
    }
}
