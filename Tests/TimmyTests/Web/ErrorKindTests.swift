import Foundation
import HTTPTypes
import Testing
import TimmyAPI
import TimmyCore
import TimmyTestSupport

@testable import TimmyWeb

@Suite("Errors keep their kind across HTTP")
struct ErrorKindTests {
    static let errors: [ServiceError] = [
        .notFound("no task with id 'x'"), .invalid(field: "arguments.path", message: "path must be a string"), .forbidden("not in its toolkit"),
        .failed("no such file"), .unavailable("the store is unreachable"), .conflict("the job has finished"),
    ]

    @Test("each service error, written as the API writes it, reads back as the same error", arguments: errors)
    func roundTrip(_ error: ServiceError) throws {
        let written = try JSONCoding.encoder().encode(APIError(error).body)
        let read = try JSONCoding.decoder().decode(ErrorBody.self, from: written)
        #expect(read.serviceError == error)
        #expect(read.error.status == APIError(error).status.code)
    }

    @Test("the server writes each failure's kind: invalid and failed are both 422 and still told apart")
    func kindsOnTheWire() async throws {
        try await withStopping(try await LiveServer()) { server in
            let invalid = try await server.json("POST", "/api/tasks", ["description": ""])
            #expect(invalid.status == 422 && invalid.value["error"]?["kind"] == "invalid" && invalid.value["error"]?["field"] == "description")
            let failed = try await server.json("POST", "/api/tools/read_file/run", ["persona": "echo", "arguments": ["path": "nope.txt"]])
            #expect(failed.status == 422 && failed.value["error"]?["kind"] == "failed" && failed.value["error"]?["field"] == nil)
            let forbidden = try await server.json(
                "POST", "/api/tools/write_file/run", ["persona": "echo", "arguments": ["path": "x", "content": "y"]])
            #expect(forbidden.status == 403 && forbidden.value["error"]?["kind"] == "forbidden")
            let unknown = try await server.json("GET", "/api/tasks/does-not-exist")
            #expect(unknown.status == 404 && unknown.value["error"]?["kind"] == "not_found")
            let noRoute = try await server.json("GET", "/api/nothing-here")
            #expect(noRoute.status == 404 && noRoute.value["error"]?["kind"] == "not_found")
            let malformed = try await server.request("POST", "/api/tasks", body: Data(#"{"description": "list"#.utf8))
            let body = try JSONCoding.decoder().decode(ErrorBody.self, from: malformed.body)
            #expect(malformed.status == 400 && body.serviceError == .invalid(field: "body", message: body.error.message))
        }
    }
}

extension ServiceError: CustomTestStringConvertible {
    public var testDescription: String { "\(kind.rawValue): \(description)" }
}
