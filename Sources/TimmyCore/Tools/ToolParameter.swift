/// One parameter of a tool, enough to validate a call and to publish a JSON schema.
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

    public init(
        _ name: String, _ kind: Kind, _ summary: String, required: Bool = false, default defaultValue: JSONValue? = nil,
        allowed: [String]? = nil
    ) {
        self.name = name
        self.kind = kind
        self.summary = summary
        self.required = required
        self.defaultValue = defaultValue
        self.allowed = allowed
    }

    /// The JSON-schema fragment for this parameter.
    public var schema: JSONValue {
        var object: [String: JSONValue] = ["type": .string(kind.rawValue), "description": .string(summary)]
        if let defaultValue { object["default"] = defaultValue }
        if let allowed { object["enum"] = .array(allowed.map(JSONValue.string)) }
        return .object(object)
    }

    func accepts(_ value: JSONValue) -> Bool {
        switch (kind, value) {
        case (.string, .string), (.boolean, .bool), (.array, .array), (.object, .object), (.integer, .int), (.number, .int),
            (.number, .double):
            true
        case (.integer, .double): value.intValue != nil
        default: false
        }
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
