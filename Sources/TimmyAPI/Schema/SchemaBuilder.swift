import Foundation
import TimmyCore

/// Derives JSON schemas from `Decodable` conformances, so a type's schema is read off the very code
/// that decodes it: a key decoded with `decode` is required, one with `decodeIfPresent` optional.
/// Each struct becomes a named component; leaves (strings, numbers, dates, enumerations, `JSONValue`)
/// are written inline.
public final class SchemaBuilder {
    /// The named schemas met so far, by type name.
    public private(set) var components: [String: JSONValue] = [:]

    public init() {}

    /// The schema of `type`: a `$ref` to its component for a struct, the schema itself otherwise.
    public func schema<T: Decodable>(for type: T.Type) -> JSONValue {
        (try? describe(type).schema) ?? [:]
    }

    /// The reference to a named component.
    public static func reference(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    /// A type's schema, and a value of it to hand back to the decoder that asked.
    func describe<T: Decodable>(_ type: T.Type) throws -> (schema: JSONValue, sample: T) {
        if let leaf = type as? any SchemaLeaf.Type {
            return (leaf.schema(in: self), leaf.sample as! T)
        }
        let name = String(describing: type)
        let recorder = SchemaRecorder(builder: self)
        let sample = try T(from: recorder)
        if components[name] == nil { components[name] = Self.constrained(recorder.objectSchema, by: type) }
        return (Self.reference(name), sample)
    }
}

extension SchemaBuilder {
    /// An object schema with the keywords its type's `SchemaConstrained` conformance adds to its properties.
    fileprivate static func constrained<T>(_ schema: JSONValue, by type: T.Type) -> JSONValue {
        guard let constraints = (type as? any SchemaConstrained.Type)?.propertyConstraints, case .object(var object) = schema,
            case .object(var properties)? = object["properties"]
        else { return schema }
        for (name, keywords) in constraints {
            guard let property = properties[name] else { continue }
            properties[name] = merged(keywords, into: property)
        }
        object["properties"] = .object(properties)
        return .object(object)
    }

    /// The keywords added to a property's schema; for one that may be null (`anyOf` it and null), to the
    /// non-null branch, so a keyword such as `enum` does not refuse the null.
    private static func merged(_ keywords: [String: JSONValue], into property: JSONValue) -> JSONValue {
        guard case .object(var object) = property else { return property }
        if case .array(var branches)? = object["anyOf"], let first = branches.first {
            branches[0] = merged(keywords, into: first)
            object["anyOf"] = .array(branches)
        } else {
            object.merge(keywords) { _, added in added }
        }
        return .object(object)
    }
}

/// A type the builder writes inline instead of decoding: it knows its schema and a sample value.
protocol SchemaLeaf {
    static func schema(in builder: SchemaBuilder) -> JSONValue
    static var sample: Self { get }
}

/// A string enumeration: its schema lists every case.
public protocol SchemaEnumeration: CaseIterable, RawRepresentable, Decodable where RawValue == String {}

extension SchemaEnumeration {
    static func schema(in builder: SchemaBuilder) -> JSONValue {
        ["type": "string", "enum": .array(allCases.map { .string($0.rawValue) })]
    }
    static var sample: Self { allCases.first! }
}

extension String: SchemaLeaf {
    static func schema(in builder: SchemaBuilder) -> JSONValue { ["type": "string"] }
    static var sample: String { "" }
}

extension Bool: SchemaLeaf {
    static func schema(in builder: SchemaBuilder) -> JSONValue { ["type": "boolean"] }
    static var sample: Bool { false }
}

extension Int: SchemaLeaf {
    static func schema(in builder: SchemaBuilder) -> JSONValue { ["type": "integer"] }
    static var sample: Int { 0 }
}

extension Int64: SchemaLeaf {
    static func schema(in builder: SchemaBuilder) -> JSONValue { ["type": "integer", "format": "int64"] }
    static var sample: Int64 { 0 }
}

extension Double: SchemaLeaf {
    static func schema(in builder: SchemaBuilder) -> JSONValue { ["type": "number"] }
    static var sample: Double { 0 }
}

extension Date: SchemaLeaf {
    static func schema(in builder: SchemaBuilder) -> JSONValue { ["type": "string", "format": "date-time"] }
    static var sample: Date { Date(timeIntervalSince1970: 0) }
}

extension JSONValue: SchemaLeaf {
    /// Any JSON value.
    static func schema(in builder: SchemaBuilder) -> JSONValue { [:] }
    static var sample: JSONValue { .null }
}

extension Array: SchemaLeaf where Element: Decodable {
    static func schema(in builder: SchemaBuilder) -> JSONValue { ["type": "array", "items": builder.schema(for: Element.self)] }
    static var sample: [Element] { [] }
}

extension Dictionary: SchemaLeaf where Key == String, Value: Decodable {
    static func schema(in builder: SchemaBuilder) -> JSONValue {
        ["type": "object", "additionalProperties": builder.schema(for: Value.self)]
    }
    static var sample: [String: Value] { [:] }
}

extension Optional: SchemaLeaf where Wrapped: Decodable {
    static func schema(in builder: SchemaBuilder) -> JSONValue { builder.schema(for: Wrapped.self) }
    static var sample: Wrapped? { nil }
}

extension TaskStatus: SchemaEnumeration, SchemaLeaf {}
extension JobStatus: SchemaEnumeration, SchemaLeaf {}
extension ProjectStatus: SchemaEnumeration, SchemaLeaf {}
extension StepKind: SchemaEnumeration, SchemaLeaf {}
extension StepStatus: SchemaEnumeration, SchemaLeaf {}
extension AssetKind: SchemaEnumeration, SchemaLeaf {}
extension ServiceError.Kind: SchemaEnumeration, SchemaLeaf {}
extension Advisory.Kind: SchemaEnumeration, SchemaLeaf {}
