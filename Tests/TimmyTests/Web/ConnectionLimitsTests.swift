import Foundation
import Testing
import TimmyCore
import TimmyStore
import TimmyTestSupport

/// The server's connection limits, tried with raw sockets as a hostile or careless client would.
@Suite("Connection limits: oversized bodies, trickled heads, huge headers and too many connections")
struct ConnectionLimitsTests {
    @Test("a body announced over the limit gets its 413 at once, even from a client that writes it all before reading")
    func oversizedBody() async throws {
        try await withStopping(try await LiveServer()) { server in
            let connection = try RawConnection(port: server.port)
            let length = 8 * 1024 * 1024
            let head = "POST /api/tasks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(length)\r\n\r\n"
            await connection.write(Array(head.utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: length))
            let (answer, closed) = await connection.readToEnd()
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
            #expect(answer.lowercased().contains("connection: close"))
            let body = try #require(answer.components(separatedBy: "\r\n\r\n").last)
            let error = JSONCoding.object(body)["error"]
            #expect(error?["status"] == 413 && error?["kind"] == "invalid")
            #expect(error?["message"]?.stringValue?.contains("larger than 262144 bytes") == true)
            #expect(closed, "the server closes the connection after refusing")
            #expect(try await server.test.store.tasks().isEmpty)
        }
    }

    @Test("a client that trickles its request head is cut off after the header timeout")
    func trickledHead() async throws {
        try await withStopping(try await LiveServer(settings: [(Setting.httpHeaderTimeoutSeconds, "0.5")])) { server in
            let connection = try RawConnection(port: server.port, readTimeout: 20)
            await connection.write(Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8))
            for _ in 0..<3 {
                try await Task.sleep(for: .milliseconds(200))
                await connection.write([UInt8(ascii: "z")])
            }
            let (answer, closed) = await connection.readToEnd()
            #expect(closed && answer.isEmpty, "closed without an answer, got \(answer.prefix(100))")
            #expect(try await server.send("GET", "/health").status == 200, "the server goes on serving others")
        }
    }

    @Test("a request head over the header limit is refused and the server goes on")
    func hugeHeaders() async throws {
        try await withStopping(try await LiveServer(settings: [(Setting.httpMaxHeaderBytes, "2048")])) { server in
            let connection = try RawConnection(port: server.port)
            let head = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "b", count: 8192))\r\n\r\n"
            await connection.write(Array(head.utf8))
            let (answer, closed) = await connection.readToEnd()
            #expect(closed && !answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(100))")
            #expect(try await server.send("GET", "/health").status == 200)
        }
    }

    @Test("past the connection cap a new connection waits, and is served once another closes")
    func connectionCap() async throws {
        try await withStopping(try await LiveServer(settings: [(Setting.httpMaxConnections, "2")])) { server in
            let first = try RawConnection(port: server.port, readTimeout: 1)
            let second = try RawConnection(port: server.port, readTimeout: 1)
            await first.write(Array("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
            await second.write(Array("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
            for connection in [first, second] {
                let (answer, closed) = await connection.readResponse(within: 30)
                #expect(answer.hasPrefix("HTTP/1.1 200") && !closed, "\(answer.prefix(80)) closed: \(closed)")
            }
            let third = try RawConnection(port: server.port, readTimeout: 1)
            await third.write(Array("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
            #expect(await third.readToEnd().text.isEmpty, "not served while two connections are open")
            first.close()
            let (answer, _) = await third.readResponse(within: 30)
            #expect(answer.hasPrefix("HTTP/1.1 200"), "served once one closed")
        }
    }
}

@Suite("Methods: a path the API serves answers an undeclared method with 405 and Allow")
struct MethodNotAllowedTests {
    @Test("TRACE, DELETE and PUT at served paths get 405 with the declared methods; unknown paths stay 404")
    func methodNotAllowed() async throws {
        try await withStopping(try await LiveServer()) { server in
            for (method, path, allow) in [
                ("TRACE", "/api/tasks", "POST, GET"), ("DELETE", "/health", "GET"), ("PUT", "/api/tasks/some-id", "GET"),
                ("PATCH", "/api/jobs/some-id/cancel", "POST"),
            ] {
                let answer = try await server.send(method, path)
                #expect(answer.status == 405, "\(method) \(path)")
                #expect(answer.headers["allow"] == allow, "\(method) \(path): \(answer.headers["allow"] ?? "none")")
                #expect(JSONCoding.object(answer.text)["error"]?["status"] == 405)
            }
            #expect(try await server.send("DELETE", "/api/nothing-here").status == 404)
            #expect(try await server.send("GET", "/api/tasks").status == 200)
        }
    }
}
