import HTTPTypes
import TimmyAPI
import TimmyCore

/// One operation of the JSON API: the router serves it at `path` and the OpenAPI document describes it
/// from the same value, with the schemas of the Swift types it decodes and answers.
struct APIEndpoint: Sendable {
    /// A query-string parameter.
    struct Query: Sendable {
        let name: String
        let schema: JSONValue
        let description: String
    }

    /// What a successful answer carries.
    enum Answer: Sendable {
        /// A JSON body of the type, with the status.
        case json(any (Decodable & Sendable).Type, status: Int = 200)
        /// Server-Sent Events whose `data` lines are JSON of the type.
        case events(any (Decodable & Sendable).Type)
        /// The OpenAPI document itself.
        case document
    }

    let method: HTTPRequest.Method
    /// OpenAPI's form, `/api/tasks/{id}`, which the router reads too.
    let path: String
    let summary: String
    var query: [Query] = []
    /// The JSON body it decodes.
    var request: (any (Decodable & Sendable).Type)? = nil
    var answers: [Answer]

    init(
        _ method: HTTPRequest.Method, _ path: String, _ summary: String, query: [Query] = [], request: (any (Decodable & Sendable).Type)? = nil,
        answers: [Answer]
    ) {
        self.method = method
        self.path = path
        self.summary = summary
        self.query = query
        self.request = request
        self.answers = answers
    }
}

extension APIEndpoint.Query {
    /// `limit`, between 1 and `maximum`, `fallback` when absent.
    static func limit(_ maximum: Int, fallback: Int) -> Self {
        .init(
            name: "limit", schema: ["type": "integer", "minimum": 1, "maximum": .int(maximum), "default": .int(fallback)],
            description: "1–\(maximum), default \(fallback)")
    }

    /// A parameter that takes one of an enumeration's values.
    static func choice<Value: CaseIterable & RawRepresentable>(_ name: String, _: Value.Type, _ description: String) -> Self
    where Value.RawValue == String {
        .init(name: name, schema: ["type": "string", "enum": .array(Value.allCases.map { .string($0.rawValue) })], description: description)
    }

    static func text(_ name: String, _ description: String, _ keywords: [String: JSONValue] = [:]) -> Self {
        .init(name: name, schema: .object(["type": "string"].merging(keywords) { _, given in given }), description: description)
    }
}
