import Foundation

/// A small tmpfs mounted over a folder for one test (the tests run as root), which `fill` fills to the
/// last byte and `empty` frees again: a data folder's disk running out. `stop` unmounts it.
public struct SmallDisk: Stoppable {
    public let folder: URL
    /// The file `fill` writes, inside `folder`.
    public static let fillerName = ".filler"
    private var filler: URL { folder.appendingPathComponent(Self.fillerName) }

    public init(at folder: URL, megabytes: Int) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", folder.path])
    }

    /// Writes one file until the disk refuses another byte.
    public func fill() throws {
        FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        defer { try? handle.close() }
        var block = Data(count: 1 << 16)
        while block.count > 0 {
            do { try handle.write(contentsOf: block) } catch { block = Data(count: block.count / 2) }
        }
    }

    /// Frees what `fill` took.
    public func empty() throws { try FileManager.default.removeItem(at: filler) }

    public func stop() async { try? Self.run("/usr/bin/umount", ["-l", folder.path]) }

    private static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw MediaProbe.ProbeError(message: "\(program) \(arguments.joined(separator: " ")) failed (\(process.terminationStatus))")
        }
    }
}
