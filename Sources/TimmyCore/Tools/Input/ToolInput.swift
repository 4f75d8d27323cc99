import Foundation
import Synchronization

/// A tool's arguments, declared once as a struct of `@Field` properties. Its catalog schema, its
/// validation, its decoding and its command-line options are all read from that declaration.
///
///     public struct Input: ToolInput {
///         @Field("repository name or path", .positional) public var repo: String
///         @Field("most commits to list", .within(1...10_000)) public var maxCount = 20
///         public init() {}
///     }
public protocol ToolInput: Decodable, Sendable {
    /// Every field as declared, with its default: the value the declaration is read from.
    init()
}

extension ToolInput {
    /// The fields in declaration order, read from the declaration once per type.
    public static var fields: [InputField] {
        if let known = declaredFields.withLock({ $0[ObjectIdentifier(Self.self)] }) { return known }
        let fields = Mirror(reflecting: Self()).children.compactMap { child -> InputField? in
            guard let label = child.label, let field = child.value as? any DeclaredField else { return nil }
            return field.inputField(property: String(label.dropFirst()))
        }
        declaredFields.withLock { $0[ObjectIdentifier(Self.self)] = fields }
        return fields
    }

    /// The fields as the parameters a catalog publishes.
    public static var parameters: [ToolParameter] { fields.map(\.parameter) }

    /// An input with the declared defaults, changed by `build`: `Input.with { $0.repo = "demo" }`.
    public static func with(_ build: (inout Self) -> Void) -> Self {
        var input = Self()
        build(&input)
        return input
    }

    /// Checks a call's arguments against the declaration (no unknown name, each of its type, choices
    /// and rules, every required one present) and decodes them, defaults filled in.
    public static func decode(_ arguments: [String: JSONValue], tool: String) throws(ToolError) -> Self {
        let fields = Self.fields
        let known = Set(fields.map(\.name))
        if let unknown = arguments.keys.sorted().first(where: { !known.contains($0) }) {
            throw .unknownArgument(tool: tool, name: unknown, known: fields.map(\.name))
        }
        var document: [String: JSONValue] = [:]
        for field in fields {
            let value: JSONValue
            let given: Bool
            if let argument = arguments[field.name], argument != .null || !field.isOptional {
                value = try field.check(argument, tool: tool)
                given = true
            } else if field.parameter.required {
                throw .missingArgument(tool: tool, name: field.name)
            } else {
                value = field.parameter.defaultValue ?? .null
                given = false
            }
            document[field.property] = .object([Field<Bool>.Keys.value.rawValue: value, Field<Bool>.Keys.given.rawValue: .bool(given)])
        }
        do {
            // The checked values reach the fields through JSON text, written by `jsonText`: with
            // JSONEncoder, encoding took 172 of this decode's 413 samples in a `timmy-bench swarm` profile.
            return try JSONDecoder().decode(Self.self, from: Data(JSONValue.object(document).jsonText.utf8))
        } catch {
            throw .failed("\(tool): checked arguments could not be decoded: \(error)")
        }
    }

    /// The arguments this input gives, as a call sends them: every field a call or code set, by wire name.
    public var arguments: [String: JSONValue] { fieldValues { $0.isGiven && $0.json != .null } }

    /// Every field's value, given or declared (null where an optional has none), by wire name: what a record of the call shows.
    public var values: [String: JSONValue] { fieldValues { _ in true } }

    private func fieldValues(where include: (any DeclaredField) -> Bool) -> [String: JSONValue] {
        Mirror(reflecting: self).children.reduce(into: [:]) { values, child in
            guard let label = child.label, let field = child.value as? any DeclaredField, include(field) else { return }
            values[WireName.snakeCase(label.dropFirst())] = field.json
        }
    }

    /// The wire name of a field, from its key path: `Input.name(of: \.endLine)` is `end_line`.
    public static func name<Value>(of field: WritableKeyPath<Self, Value>) -> String {
        var probe = Self()
        probe[keyPath: field] = probe[keyPath: field]
        let given = Mirror(reflecting: probe).children.first { ($0.value as? any DeclaredField)?.isGiven == true }
        return given?.label.map { WireName.snakeCase($0.dropFirst()) } ?? "\(field)"
    }

    /// A refusal of a field's value, naming the field.
    public static func invalid<Value>(_ field: WritableKeyPath<Self, Value>, _ reason: String) -> ToolError {
        .invalidArgument(name: name(of: field), reason: reason)
    }
}

/// Each input type's fields, read by reflection once: checking a call is on every task's path.
private let declaredFields = Mutex<[ObjectIdentifier: [InputField]]>([:])

/// The input of a tool that takes no arguments.
public struct NoInput: ToolInput {
    public init() {}
}
