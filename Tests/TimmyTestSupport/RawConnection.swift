import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A TCP connection to a loopback port driven byte by byte, for what an HTTP client library will not do:
/// trickle a request head, or write a whole oversized body before reading. Calls block their thread, so
/// each runs on a thread of its own, not on the concurrency pool.
public final class RawConnection: @unchecked Sendable {
    private let socket: Int32
    private let readTimeout: Double
    private let closed = NSLock()
    private var isClosed = false

    /// Connects to `127.0.0.1:port`; reads give up after `readTimeout` seconds unless told otherwise.
    public init(port: Int, readTimeout: Double = 10) throws {
        self.readTimeout = readTimeout
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EBADF) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close() }

    /// Closes the connection; later calls do nothing.
    public func close() {
        let first = closed.withLock {
            defer { isClosed = true }
            return !isClosed
        }
        if first { Glibc.close(socket) }
    }

    /// Writes all of `bytes`; returns how many were written before the peer stopped taking them.
    @discardableResult
    public func write(_ bytes: [UInt8]) async -> Int {
        await blocking { self.writeNow(bytes) }
    }

    /// Writes `request`, then reads its whole response, on a thread of its own.
    public func exchange(_ request: String) async -> (text: String, closed: Bool) {
        await blocking { self.exchangeNow(request) }
    }

    /// Writes `request`, then reads its whole response, on the calling thread: for a probe that runs on a
    /// thread of its own and times the server alone, with no wait for a turn on the concurrency pool.
    /// Never call it from a task: it would hold one of the pool's few threads while the server's routes
    /// wait for one (on two cores a routed answer once missed its 10-s read that way).
    public func exchangeNow(_ request: String) -> (text: String, closed: Bool) {
        _ = writeNow(Array(request.utf8))
        return receiveNow(within: readTimeout, until: Self.isWholeResponse)
    }

    /// Reads until the peer closes or `seconds` (the read timeout by default) pass without a byte;
    /// returns what arrived and whether the peer closed.
    public func readToEnd(within seconds: Double? = nil) async -> (text: String, closed: Bool) {
        await read(within: seconds) { _ in false }
    }

    /// Reads one whole response (its head and the body its `Content-Length` gives), or what arrived
    /// before the peer closed or `seconds` passed without a byte.
    public func readResponse(within seconds: Double? = nil) async -> (text: String, closed: Bool) {
        await read(within: seconds, until: Self.isWholeResponse)
    }

    /// Whether `received` holds a response's head and the whole body its `Content-Length` gives.
    private static func isWholeResponse(_ received: [UInt8]) -> Bool {
        let text = String(decoding: received, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return false }
        let length =
            text[..<end.lowerBound].split(separator: "\r\n")
            .first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        return text.utf8.count - text[..<end.upperBound].utf8.count >= length
    }

    private func read(within seconds: Double?, until done: @escaping @Sendable ([UInt8]) -> Bool) async -> (text: String, closed: Bool) {
        let wait = seconds ?? readTimeout
        return await blocking { self.receiveNow(within: wait, until: done) }
    }

    private func writeNow(_ bytes: [UInt8]) -> Int {
        var written = 0
        while written < bytes.count {
            let sent = bytes[written...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { break }
            written += sent
        }
        return written
    }

    private func receiveNow(within wait: Double, until done: ([UInt8]) -> Bool) -> (text: String, closed: Bool) {
        var timeout = timeval(tv_sec: Int(wait), tv_usec: Int(((wait - wait.rounded(.down)) * 1e6)))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count > 0 {
                received += buffer[0..<count]
                if done(received) { return (String(decoding: received, as: UTF8.self), false) }
            } else {
                return (String(decoding: received, as: UTF8.self), count == 0 || errno == ECONNRESET)
            }
        }
    }

    private func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }
}
