import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a data folder, held by the one process that runs the swarm on it, so two
/// processes never run (or recover) the same tasks. The kernel releases it when the process dies.
public final class DataDirectoryLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock or throws, naming the process that holds it.
    public init(directory: URL) throws(DataDirectoryLockError) {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("timmy.lock").path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unavailable(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(fd)
            throw .held(path: path, pid: holder.flatMap { Int32($0) })
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

public enum DataDirectoryLockError: Error, Equatable, CustomStringConvertible {
    case held(path: String, pid: Int32?)
    case unavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .held(let path, let pid):
            "another Timmy process\(pid.map { " (pid \($0))" } ?? "") is running the swarm on this data folder (\(path)); "
                + "send work to it through its server, or stop it first"
        case .unavailable(let path, let reason): "cannot lock \(path): \(reason)"
        }
    }
}
