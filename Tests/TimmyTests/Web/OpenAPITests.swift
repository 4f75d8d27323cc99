import Foundation
import HTTPTypes
import Hummingbird
import Testing
import TimmyCore
import TimmyTestSupport

@testable import TimmyWeb

@Suite("The OpenAPI document")
struct OpenAPITests {
    @Test("/api/openapi.json lists exactly the API routes the router serves, with every method")
    func matchesRouter() async throws {
        let server = try await LiveServer()
        defer { Task { await server.stop() } }
        let answer = try await server.send("GET", "/api/openapi.json")
        #expect(answer.status == 200 && answer.headers["etag"] != nil)
        let document = try JSONCoding.decoder().decode(JSONValue.self, from: answer.body)
        #expect(document["openapi"]?.stringValue?.hasPrefix("3.") == true)
        guard case .object(let paths)? = document["paths"] else {
            Issue.record("no paths")
            return
        }
        let documented = Set(
            paths.flatMap { path, item -> [String] in
                guard case .object(let operations) = item else { return [] }
                return operations.keys.map { "\($0.uppercased()) \(path)" }
            })
        let router = try WebApplication.router(
            runtime: server.test.runtime, configuration: ServerConfiguration(host: "127.0.0.1", port: 0, authToken: nil))
        let served = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" }.filter { $0.contains(" /api/") || $0.hasSuffix(" /health") })
        #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
        #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
        #expect(served.count >= 16)
    }

    @Test("every schema reference in the document resolves")
    func referencesResolve() async throws {
        let server = try await LiveServer()
        defer { Task { await server.stop() } }
        let text = try await server.send("GET", "/api/openapi.json").text
        let document = try JSONCoding.decoder().decode(JSONValue.self, from: Data(text.utf8))
        for match in text.matches(of: /"#\/components\/schemas\/([A-Za-z]+)"/) {
            #expect(document["components"]?["schemas"]?[String(match.1)] != nil, "missing schema \(match.1)")
        }
    }
}
