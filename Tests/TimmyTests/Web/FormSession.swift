import Foundation
import Testing
import TimmyAPI
import TimmyTestSupport

/// A browser's side of the dashboard's forms: the CSRF cookie a page set, sent back with the matching
/// hidden field (and, once signed in, the session cookie).
struct FormSession {
    static let formHeaders = ["Content-Type": "application/x-www-form-urlencoded"]

    let server: LiveServer
    let csrf: String
    var session: String?

    /// Loads `path` and keeps the CSRF token its answer set.
    init(_ server: LiveServer, path: String = "/", session: String? = nil) async throws {
        self.server = server
        self.session = session
        var headers: [String: String] = [:]
        if let session { headers["Cookie"] = "timmy_session=\(session)" }
        let page = try await server.send("GET", path, headers: headers)
        csrf = try #require(Self.cookie("timmy_csrf", in: page))
    }

    /// Posts a form with the CSRF cookie and `token` as its hidden field (the right one unless given).
    func post(_ path: String, _ fields: [String: String], token: String? = nil, headers: [String: String] = [:]) async throws -> LiveServer.Answer {
        var cookies = ["timmy_csrf=\(csrf)"]
        if let session { cookies.append("timmy_session=\(session)") }
        let all = Self.formHeaders.merging(["Cookie": cookies.joined(separator: "; ")]) { $1 }.merging(headers) { $1 }
        return try await server.send("POST", path, body: Self.encode(fields.merging(["csrf": token ?? csrf]) { $1 }), headers: all)
    }

    static func encode(_ fields: [String: String]) -> Data {
        var components = URLComponents()
        components.queryItems = fields.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return Data((components.percentEncodedQuery ?? "").utf8)
    }

    /// A cookie's value from an answer's `Set-Cookie`.
    static func cookie(_ name: String, in answer: LiveServer.Answer) -> String? {
        guard let header = answer.headers["set-cookie"], let range = header.range(of: "\(name)=") else { return nil }
        return String(header[range.upperBound...].prefix { $0 != ";" && $0 != "," })
    }
}
