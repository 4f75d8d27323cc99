import Foundation
import Testing
import TimmyTestSupport

@testable import TimmyWeb

/// Static files answered on the event loop, before the router: the same answer the route gives, in order
/// with the connection's other requests.
@Suite("Static files before the router")
struct StaticAssetHandlerTests {
    @Test("pipelined requests are answered in order, the static file among them by the route with the same headers")
    func pipelined() async throws {
        try await withStopping(try await LiveServer()) { server in
            let alone = try RawConnection(port: server.port)
            let early = Self.responses(await alone.exchangeAndClose("GET /static/icon.svg HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
            let piped = try RawConnection(port: server.port)
            let requests = ["/api/tasks?limit=1", "/static/icon.svg", "/health"].enumerated().map { index, path in
                "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (index == 2 ? "Connection: close\r\n" : "") + "\r\n"
            }
            let answers = Self.responses(await piped.exchangeAndClose(requests.joined()))
            #expect(answers.map(\.status) == [200, 200, 200])
            #expect(
                answers.map { $0.headers["content-type"] ?? "" } == [
                    "application/json; charset=utf-8", "image/svg+xml", "application/json; charset=utf-8",
                ])
            let routed = try #require(answers.dropFirst().first)
            let answered = try #require(early.first)
            #expect(answered.status == 200 && answered.body == routed.body && answered.body.contains("<svg"))
            #expect(Set(answered.headers.keys).subtracting(["connection"]) == Set(routed.headers.keys), "the same headers either way")
            for name in ["content-security-policy", "x-frame-options", "etag", "cache-control", "server", "date"] {
                #expect(answered.headers[name] != nil, "\(name)")
                #expect(name == "date" || answered.headers[name] == routed.headers[name], "\(name)")
            }
        }
    }

    @Test("a kept-alive connection is answered request after request, 304 for an unchanged ETag, and closed when asked")
    func keptAlive() async throws {
        try await withStopping(try await LiveServer()) { server in
            let connection = try RawConnection(port: server.port)
            let first = Self.responses(await connection.exchange("GET /static/app.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").text)
            let etag = try #require(first.first?.headers["etag"])
            let again = await connection.exchange("GET /static/app.css HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: \(etag)\r\n\r\n")
            #expect(Self.responses(again.text).map(\.status) == [304] && !again.closed)
            let missing = await connection.exchange("GET /static/nothing.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(Self.responses(missing.text).map(\.status) == [404], "an unknown name goes on to the router")
            let last = await connection.exchangeAndClose("GET /static/app.css?v=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            #expect(Self.responses(last).first?.headers["cache-control"] == "no-cache", "a stale version is not cached for a year")
        }
    }

    @Test("the Date header is RFC 9110's fixed format, in GMT")
    func httpDate() {
        #expect(HTTPDate.string(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.string(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    /// One response read out of raw bytes: its status, headers (names lowercased) and body.
    struct Response {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    /// The responses in `text`, in order, each body cut at its `Content-Length`.
    static func responses(_ text: String) -> [Response] {
        var rest = Substring(text)
        var found: [Response] = []
        while let end = rest.range(of: "\r\n\r\n") {
            let lines = rest[..<end.lowerBound].components(separatedBy: "\r\n")
            let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
            let headers = Dictionary(
                lines.dropFirst().compactMap { line -> (String, String)? in
                    guard let colon = line.firstIndex(of: ":") else { return nil }
                    return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                }, uniquingKeysWith: { first, _ in first })
            let length = headers["content-length"].flatMap(Int.init) ?? 0
            let body = rest[end.upperBound...].utf8.prefix(length)
            found.append(Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self)))
            rest = Substring(rest[end.upperBound...].utf8.dropFirst(length))
        }
        return found
    }
}

extension RawConnection {
    /// Writes `request` and reads until the server closes.
    fileprivate func exchangeAndClose(_ request: String) async -> String {
        await write(Array(request.utf8))
        return await readToEnd().text
    }
}
