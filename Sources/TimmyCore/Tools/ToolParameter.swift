/// One parameter of a tool as a catalog publishes it, derived from the tool's `Input` declaration.
public struct ToolParameter: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case string, integer, number, boolean, array, object
    }

    public let name: String
    public let kind: Kind
    public let summary: String
    public let required: Bool
    public let defaultValue: JSONValue?
    /// Allowed values for a string parameter, when it is an enumeration.
    public let allowed: [String]?
    /// For an array, the type of its items.
    public let items: Kind?
    /// JSON-schema keywords stating the field's rules (`minimum`, `maxLength`, …).
    public let constraints: [String: JSONValue]

    public init(
        _ name: String, _ kind: Kind, _ summary: String, required: Bool = false, default defaultValue: JSONValue? = nil,
        allowed: [String]? = nil, items: Kind? = nil, constraints: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.kind = kind
        self.summary = summary
        self.required = required
        self.defaultValue = defaultValue
        self.allowed = allowed
        self.items = items
        self.constraints = constraints
    }

    /// The JSON-schema fragment for this parameter.
    public var schema: JSONValue {
        var object = constraints
        object["type"] = .string(kind.rawValue)
        object["description"] = .string(summary)
        if let defaultValue { object["default"] = defaultValue }
        if let allowed { object["enum"] = .array(allowed.map(JSONValue.string)) }
        if kind == .string && allowed == nil && object["pattern"] == nil { object["pattern"] = .string(ControlCharacters.pattern) }
        if let items {
            var item: [String: JSONValue] = [:]
            if case .object(let declared)? = object["items"] { item = declared }
            item["type"] = .string(items.rawValue)
            if items == .string && item["pattern"] == nil { item["pattern"] = .string(ControlCharacters.pattern) }
            object["items"] = .object(item)
        }
        return .object(object)
    }
}

extension Array where Element == ToolParameter {
    /// A JSON schema object describing all parameters.
    public var jsonSchema: JSONValue {
        .object([
            "type": "object",
            "properties": .object(Dictionary(uniqueKeysWithValues: map { ($0.name, $0.schema) })),
            "required": .array(filter(\.required).map { .string($0.name) }),
            "additionalProperties": false,
        ])
    }
}
