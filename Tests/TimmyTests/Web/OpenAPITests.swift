import Foundation
import HTTPTypes
import Hummingbird
import Testing
import TimmyAPI
import TimmyCore
import TimmySwarm
import TimmyTestSupport

@testable import TimmyWeb

@Suite("The OpenAPI document")
struct OpenAPITests {
    @Test("/api/openapi.json lists exactly the API routes the router serves, with every method")
    func matchesRouter() async throws {
        try await withStopping(try await LiveServer()) { server in
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
                    return operations.keys.map { "\($0.uppercased()) \(Self.servedPath(path))" }
                })
            let router = try WebApplication.router(
                runtime: server.test.runtime, configuration: ServerConfiguration(host: "127.0.0.1", port: 0, authToken: nil))
            let served = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" }.filter { $0.contains(" /api/") || $0.hasSuffix(" /health") })
            #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
            #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
            #expect(served.count >= 16)
        }
    }

    /// The route a documented path is served by: each tool's `/api/tools/NAME/run` by `/api/tools/{name}/run`.
    private static func servedPath(_ path: String) -> String {
        let parts = path.split(separator: "/")
        guard parts.count == 4, parts[1] == "tools", parts[3] == "run" else { return path }
        return "/api/tools/{name}/run"
    }

    @Test("every schema reference in the document resolves")
    func referencesResolve() async throws {
        try await withStopping(try await LiveServer()) { server in
            let text = try await server.send("GET", "/api/openapi.json").text
            let document = try JSONCoding.decoder().decode(JSONValue.self, from: Data(text.utf8))
            for match in text.matches(of: /"#\/components\/schemas\/([A-Za-z]+)"/) {
                #expect(document["components"]?["schemas"]?[String(match.1)] != nil, "missing schema \(match.1)")
            }
        }
    }

    @Test("every operation's JSON answer, success and failure, validates against the schema the document gives it")
    func answersMatchSchemas() async throws {
        try await withStopping(try await LiveServer()) { server in
            let document = try JSONCoding.decoder().decode(JSONValue.self, from: try await server.send("GET", "/api/openapi.json").body)
            let validator = SchemaValidator(components: document["components"]?["schemas"] ?? [:])
            var checked: Set<String> = []
            func check(_ operation: String, _ path: String, _ answer: (status: Int, value: JSONValue)) {
                let responses = document["paths"]?[operation.split(separator: " ")[1].description]?[operation.split(separator: " ")[0].lowercased()]?[
                    "responses"]
                let response = responses?[String(answer.status)] ?? responses?["default"]
                guard let schema = response?["content"]?["application/json"]?["schema"] else {
                    Issue.record("\(operation) answered \(answer.status), which the document does not describe")
                    return
                }
                let problems = validator.problems(answer.value, schema)
                #expect(problems.isEmpty, "\(operation) (\(path), \(answer.status)): \(problems)")
                let parts = operation.split(separator: " ")
                checked.insert("\(parts[0]) \(Self.servedPath(String(parts[1])))")
            }
            let posted = try await server.json("POST", "/api/tasks", ["description": "list the files in the workspace", "wait": true])
            #expect(posted.status == 201)
            check("POST /api/tasks", "/api/tasks", posted)
            let task = posted.value["task"]?["id"]?.stringValue ?? ""
            check(
                "POST /api/tools/read_file/run", "read_file",
                try await server.json("POST", "/api/tools/read_file/run", ["persona": "echo", "arguments": ["path": "README.md"]]))
            let queued = try await server.json(
                "POST", "/api/tools/generate_image/run",
                ["persona": "pixel", "arguments": ["prompt": "a harbour at dawn", "width": 256, "height": 256]])
            #expect(queued.status == 202)
            check("POST /api/tools/generate_image/run", "generate_image", queued)
            let job = queued.value["job"]?["job"]?["id"]?.stringValue ?? ""
            _ = try await server.test.runtime.jobs.wait(for: job)
            let reads = [
                "/health", "/api/tasks", "/api/tasks/\(task)", "/api/tasks/no-such-task", "/api/tasks?limit=0", "/api/auctions", "/api/personas",
                "/api/tools", "/api/tools/usage", "/api/spark/status", "/api/spark/timeline", "/api/spark/advisories", "/api/spark/predictions",
                "/api/ledger", "/api/jobs", "/api/jobs/\(job)", "/api/assets", "/api/spark/models", "/api/chat", "/api/chat?limit=0",
            ]
            for path in reads {
                let template = path.replacingOccurrences(of: task, with: "{id}").replacingOccurrences(of: job, with: "{id}")
                    .replacingOccurrences(of: "no-such-task", with: "{id}").split(separator: "?")[0]
                check("GET \(template)", path, try await server.json("GET", path))
            }
            check("POST /api/chat", "no model configured", try await server.json("POST", "/api/chat", ["message": "hello"]))
            check("POST /api/chat", "empty message", try await server.json("POST", "/api/chat", ["message": " "]))
            let project = try await server.json(
                "POST", "/api/creative/projects", ["prompt": "a music video about rain", "duration": 30, "pauseAfter": "script"])
            check("POST /api/creative/projects", "paused after the script", project)
            check(
                "POST /api/creative/projects", "bad duration",
                try await server.json("POST", "/api/creative/projects", ["prompt": "x", "duration": 1]))
            let projectID = project.value["project"]?["id"]?.stringValue ?? ""
            check("GET /api/creative/projects", "list", try await server.json("GET", "/api/creative/projects"))
            check("GET /api/creative/projects/{id}", "project", try await server.json("GET", "/api/creative/projects/\(projectID)"))
            check("GET /api/creative/projects/{id}", "unknown", try await server.json("GET", "/api/creative/projects/a..b"))
            check(
                "PATCH /api/creative/projects/{id}/script", "edit",
                try await server.json("PATCH", "/api/creative/projects/\(projectID)/script", ["scenes": [["scene": 1, "description": "a lake"]]]))
            check(
                "POST /api/creative/projects/{id}/resume", "awaiting approval",
                try await server.json("POST", "/api/creative/projects/\(projectID)/resume"))
            check("POST /api/creative/projects/{id}/approve", "unknown", try await server.json("POST", "/api/creative/projects/no-such-1/approve"))
            check(
                "POST /api/creative/projects/{id}/rerun-scene", "no such scene",
                try await server.json("POST", "/api/creative/projects/\(projectID)/rerun-scene", ["scene": 40]))
            check("POST /api/jobs/{id}/cancel", "done job", try await server.json("POST", "/api/jobs/\(job)/cancel"))
            check("POST /api/jobs/{id}/retry", "done job", try await server.json("POST", "/api/jobs/\(job)/retry"))
            let described = APIEndpoint.all.filter { endpoint in
                endpoint.answers.contains { if case .json = $0 { true } else { false } }
            }
            let unchecked = Set(described.map { "\($0.method.rawValue) \($0.path)" }).subtracting(checked)
            #expect(unchecked.isEmpty, "operations with JSON answers not checked: \(unchecked.sorted())")
        }
    }

    @Test("each request body's schema matches its decoder: a sample decodes, and leaving out a required field fails on that field")
    func requestSchemasMatchDecoders() throws {
        let document = OpenAPIDocument.make(tools: [])
        let components = document["components"]?["schemas"] ?? [:]
        for endpoint in APIEndpoint.all {
            guard let type = endpoint.request else { continue }
            let schema = SchemaBuilder().schema(for: type)
            let sample = Self.sample(schema, components: components)
            #expect(throws: Never.self, "\(endpoint.path)") { try Self.decode(type, sample) }
            guard case .object(let fields) = sample, let resolved = Self.resolve(schema, components) else { continue }
            guard case .array(let required)? = resolved["required"] else { continue }
            for case .string(let name) in required {
                var partial = fields
                partial[name] = nil
                do {
                    try Self.decode(type, .object(partial))
                    Issue.record("\(endpoint.path): decoded without required \(name)")
                } catch DecodingError.keyNotFound(let key, _) {
                    #expect(key.stringValue == name)
                }
            }
            for name in fields.keys where !required.contains(.string(name)) {
                var partial = fields
                partial[name] = nil
                #expect(throws: Never.self, "\(endpoint.path) without optional \(name)") { try Self.decode(type, .object(partial)) }
            }
        }
    }

    @Test("each tool's argument schema in the document is the catalog's")
    func toolArgumentsComeFromTheCatalog() async throws {
        try await withStopping(try await LiveServer()) { server in
            let document = try JSONCoding.decoder().decode(JSONValue.self, from: try await server.send("GET", "/api/openapi.json").body)
            let tools = try await server.test.runtime.tools(persona: nil)
            #expect(!tools.isEmpty)
            for tool in tools {
                // Through JSON text, as the document went: 60.0 reads back as 60.
                let catalog = try JSONCoding.decoder().decode(JSONValue.self, from: try JSONCoding.encoder().encode(tool.parameters))
                #expect(document["components"]?["schemas"]?[OpenAPIDocument.componentName(tool: tool.name)] == catalog, "\(tool.name)")
            }
        }
    }

    private static func decode(_ type: any (Decodable & Sendable).Type, _ value: JSONValue) throws {
        _ = try JSONCoding.decoder().decode(type, from: try JSONCoding.encoder().encode(value))
    }

    private static func resolve(_ schema: JSONValue, _ components: JSONValue) -> JSONValue? {
        guard let reference = schema["$ref"]?.stringValue else { return schema }
        return components[String(reference.split(separator: "/").last ?? "")]
    }

    /// A value with every property the schema names, each of its type.
    private static func sample(_ schema: JSONValue, components: JSONValue) -> JSONValue {
        guard let schema = resolve(schema, components) else { return .null }
        if case .array(let allowed)? = schema["enum"], let first = allowed.first { return first }
        if case .array(let options)? = schema["anyOf"], let first = options.first { return sample(first, components: components) }
        switch schema["type"]?.stringValue {
        case "string": return "x"
        case "integer": return 1
        case "number": return 1.5
        case "boolean": return true
        case "array": return []
        case "object":
            guard case .object(let properties)? = schema["properties"] else { return [:] }
            return .object(properties.mapValues { sample($0, components: components) })
        default: return "x"
        }
    }
}
