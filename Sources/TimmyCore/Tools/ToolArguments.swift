/// A tool call's arguments, checked against the tool's parameters, with typed accessors
/// that fall back to declared defaults.
public struct ToolArguments: Sendable {
    public let values: [String: JSONValue]
    private let parameters: [String: ToolParameter]

    /// Validates raw arguments: required ones present, none unknown, each of the declared type and enumeration.
    public init(_ raw: [String: JSONValue], for tool: any Tool) throws(ToolError) {
        let byName = Dictionary(uniqueKeysWithValues: tool.parameters.map { ($0.name, $0) })
        for (name, value) in raw.sorted(by: { $0.key < $1.key }) {
            guard let parameter = byName[name] else {
                throw .unknownArgument(tool: tool.name, name: name, known: tool.parameters.map(\.name))
            }
            guard parameter.accepts(value) else {
                throw .wrongArgumentType(tool: tool.name, name: name, expected: parameter.kind.rawValue, got: value.typeName)
            }
            if let allowed = parameter.allowed, let text = value.stringValue, !allowed.contains(text) {
                throw .invalidArgument(name: name, reason: "must be one of \(allowed.joined(separator: ", ")), got '\(text)'")
            }
        }
        for parameter in tool.parameters where parameter.required && raw[parameter.name] == nil {
            throw .missingArgument(tool: tool.name, name: parameter.name)
        }
        values = raw
        parameters = byName
    }

    private func value(_ name: String) -> JSONValue? {
        values[name] ?? parameters[name]?.defaultValue
    }

    public func string(_ name: String) -> String? { value(name)?.stringValue }

    public func int(_ name: String) -> Int? { value(name)?.intValue }

    public func double(_ name: String) -> Double? { value(name)?.doubleValue }

    public func bool(_ name: String) -> Bool? { value(name)?.boolValue }

    public func strings(_ name: String) -> [String]? {
        guard case .array(let items) = value(name) else { return nil }
        return items.compactMap(\.stringValue)
    }

    /// A required string; validation already guaranteed presence, so absence is a programming error turned into a tool error.
    public func requiredString(_ name: String) throws(ToolError) -> String {
        guard let text = string(name) else { throw .invalidArgument(name: name, reason: "is required") }
        return text
    }

    /// An integer within bounds, naming the field and range when it is outside.
    public func int(_ name: String, in range: ClosedRange<Int>) throws(ToolError) -> Int? {
        guard let number = int(name) else { return nil }
        guard range.contains(number) else {
            throw .invalidArgument(name: name, reason: "must be between \(range.lowerBound) and \(range.upperBound), got \(number)")
        }
        return number
    }
}
