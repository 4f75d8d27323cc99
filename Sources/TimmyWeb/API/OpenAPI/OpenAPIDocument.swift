import Foundation
import HTTPTypes
import TimmyAPI
import TimmyCore

/// The OpenAPI 3.1 document of the JSON API, made from the endpoint table, the schemas the API types'
/// decoders imply and the tool catalog's argument schemas; nothing in it is written by hand.
enum OpenAPIDocument {
    /// A tool's name and the JSON schema of its arguments, as the catalog shows it.
    typealias ToolArguments = (name: String, schema: JSONValue)

    static func make(endpoints: [APIEndpoint] = APIEndpoint.all, tools: [ToolArguments]) -> JSONValue {
        let schemas = SchemaBuilder()
        let error = schemas.schema(for: ErrorBody.self)
        var paths: [String: JSONValue] = [:]
        for endpoint in endpoints {
            for (path, tool) in documentedPaths(of: endpoint, tools: tools) {
                var operations: [String: JSONValue] = [:]
                if case .object(let existing)? = paths[path] { operations = existing }
                operations[endpoint.method.rawValue.lowercased()] = operation(endpoint, schemas: schemas, error: error, tool: tool)
                paths[path] = .object(operations)
            }
        }
        var components = schemas.components
        for tool in tools { components[componentName(tool: tool.name)] = tool.schema }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Timmy", "version": .string(timmyVersion),
                "description": """
                The JSON API of `timmy serve`. Bodies are JSON; dates are ISO 8601; optional fields are omitted when empty. \
                When the server runs with TIMMY_AUTH_TOKEN, every request needs `Authorization: Bearer <token>` (or the \
                dashboard's session cookie). Any failure answers with its real status and an ErrorBody, whose `kind` says \
                which ServiceError it is.
                """,
            ],
            "paths": .object(paths),
            "components": [
                "schemas": .object(components),
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }

    /// Where an endpoint appears: at its own path, except running a tool, which appears once per tool
    /// (`/api/tools/git_log/run`) so each path's body names exactly the arguments that tool takes.
    private static func documentedPaths(of endpoint: APIEndpoint, tools: [ToolArguments]) -> [(String, ToolArguments?)] {
        guard endpoint.path == APIEndpoint.runTool.path, !tools.isEmpty else { return [(endpoint.path, nil)] }
        return tools.map { (endpoint.path.replacingOccurrences(of: "{name}", with: $0.name), $0) }
    }

    /// `git_log` → `GitLogArguments`: component names are letters only.
    static func componentName(tool: String) -> String {
        tool.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Arguments"
    }

    private static func operation(_ endpoint: APIEndpoint, schemas: SchemaBuilder, error: JSONValue, tool: ToolArguments?) -> JSONValue {
        var operation: [String: JSONValue] = ["summary": .string(endpoint.summary)]
        let pathNames =
            tool == nil ? endpoint.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) } : []
        let parameters: [JSONValue] =
            pathNames.map { ["name": .string($0), "in": "path", "required": true, "schema": ["type": "string"]] }
            + endpoint.query.map { ["name": .string($0.name), "in": "query", "schema": $0.schema, "description": .string($0.description)] }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let request = endpoint.request {
            var schema = schemas.schema(for: request)
            if let tool {
                // The arguments are the tool's own (null stands for none); a tool with required arguments needs them.
                let needsArguments = tool.schema["required"]?.arrayValue?.isEmpty == false
                let arguments: JSONValue = ["anyOf": [SchemaBuilder.reference(componentName(tool: tool.name)), ["type": "null"]]]
                var narrowed: [String: JSONValue] = ["properties": ["arguments": arguments]]
                if needsArguments { narrowed["required"] = ["arguments"] }
                schema = ["allOf": [schema, .object(narrowed)]]
            }
            operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": schema]]]
        }
        var responses: [String: JSONValue] = ["default": ["description": "a failure", "content": ["application/json": ["schema": error]]]]
        for answer in endpoint.answers {
            switch answer {
            case .json(let type, let status):
                responses[String(status)] = ["description": "success", "content": ["application/json": ["schema": schemas.schema(for: type)]]]
            case .events(let type):
                responses["200"] = [
                    "description": "Server-Sent Events; each `data` line is JSON of this schema",
                    "content": ["text/event-stream": ["schema": schemas.schema(for: type)]],
                ]
            case .document:
                responses["200"] = ["description": "this document", "content": ["application/json": ["schema": ["type": "object"]]]]
            }
        }
        operation["responses"] = .object(responses)
        return .object(operation)
    }
}
