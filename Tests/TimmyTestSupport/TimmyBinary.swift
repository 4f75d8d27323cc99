import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

#if canImport(Glibc)
import Glibc
#endif

/// The built `timmy` executable, for tests that run it as a separate process.
public enum TimmyBinary {
    /// `.build/<config>/timmy`, found beside the test bundle.
    public static var url: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("timmy").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("timmy")
    }

    /// Runs `timmy` to completion in `directory` and returns its exit status and output.
    /// - Parameter executable: another program to run instead (a shell that starts `timmy` under a pty).
    public static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], executable: String? = nil
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable.map(URL.init(fileURLWithPath:)) ?? url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TIMMY_") }.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `run` with the wait on a thread of its own, for runs of minutes (a 180-s animatic): they must not hold one
    /// of the few threads every other test's servers and tasks run on.
    public static func runDetached(_ arguments: [String], in directory: URL) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try run(arguments, in: directory) }) }
        }
    }

    /// Starts `timmy serve` in the background, with `environment` over the inherited one; the caller stops it.
    public static func serve(in directory: URL, port: Int, log: URL, environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = ["serve", "--port", String(port)]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TIMMY_") }.merging(environment) { $1 }
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// Waits until a server on the loopback port answers `/health` with 200, for up to twenty seconds.
    public static func waitForHealth(port: Int) async throws {
        for _ in 0..<200 {
            if let (_, response) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/health")!),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw URLError(.cannotConnectToHost)
    }

    /// A loopback port the kernel reports free right now (bound to port 0, then released).
    public static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
