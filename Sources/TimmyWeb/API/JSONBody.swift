import Foundation
import Hummingbird
import NIOCore
import Synchronization
import TimmyAPI
import TimmyCore

/// Encodes and decodes API bodies with the project's JSON settings.
enum JSONBody {
    /// Largest request body the API reads.
    static let maxRequestBytes = 256 * 1024

    /// One encoder for every response: encoding does not mutate it, and making one per response costs.
    private static let encoder = JSONCoding.encoder()

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":{"message":"could not encode response"}}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// JSON already written.
    static func response(body: ByteBuffer) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    /// Reads and decodes a request body: 413 when too large, 400 when not JSON, 422 naming a missing or mistyped field.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxRequestBytes)
        } catch {
            throw APIError(.contentTooLarge, "request body is larger than \(maxRequestBytes) bytes")
        }
        guard buffer.readableBytes > 0 else { throw APIError(.badRequest, "request body is empty; send a JSON object") }
        let data = Data(buffer.readableBytesView)
        do {
            let value = try JSONCoding.decoder().decode(T.self, from: data)
            try refuseUnknownFields(in: data, of: T.self)
            return value
        } catch let error as APIError {
            throw error
        } catch DecodingError.keyNotFound(let key, let context) {
            let field = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw APIError(.unprocessableContent, "missing field '\(field)'", field: field)
        } catch DecodingError.typeMismatch(let expected, let context) where !context.codingPath.isEmpty {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.unprocessableContent, "field '\(field)' must be \(Self.describe(expected))", field: field)
        } catch DecodingError.valueNotFound(let expected, let context) where !context.codingPath.isEmpty {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError(.unprocessableContent, "field '\(field)' must be \(Self.describe(expected)), not null", field: field)
        } catch {
            throw APIError(.badRequest, "request body is not a valid JSON object of the expected shape")
        }
    }

    /// A body field its type does not read is refused, naming it: the document says no other field is allowed.
    private static func refuseUnknownFields<T: Decodable>(in data: Data, of type: T.Type) throws(APIError) {
        guard case .object(let object)? = try? JSONCoding.decoder().decode(JSONValue.self, from: data) else { return }
        let known = fieldNames(of: type)
        guard let unknown = object.keys.sorted().first(where: { !known.contains($0) }) else { return }
        throw APIError(
            .unprocessableContent, "unknown field '\(unknown)'; fields: \(known.sorted().joined(separator: ", "))", field: unknown)
    }

    /// The top-level field names of a body type, read off its schema once per type.
    private static func fieldNames<T: Decodable>(of type: T.Type) -> Set<String> {
        let key = ObjectIdentifier(type)
        if let known = knownFields.withLock({ $0[key] }) { return known }
        let builder = SchemaBuilder()
        _ = builder.schema(for: type)
        var names: Set<String> = []
        if case .object(let properties)? = builder.components[String(describing: type)]?["properties"] { names = Set(properties.keys) }
        knownFields.withLock { $0[key] = names }
        return names
    }

    private static let knownFields = Mutex<[ObjectIdentifier: Set<String>]>([:])

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Double.Type: "a number"
        default: "an object"
        }
    }
}
