/// One field of a tool's input as its declaration states it: the parameter a catalog publishes,
/// the rules a call must pass, and how the command line gives it.
public struct InputField: Sendable {
    /// The name, type, summary, default, choices and constraints.
    public let parameter: ToolParameter
    /// The Swift property behind it.
    let property: String
    let isOptional: Bool
    let rules: [FieldRule]
    /// How the command line gives it besides `--name value`.
    public let commandLine: [CommandLineUse]
    /// The value in canonical JSON, or nil when it is not of the field's type.
    let normalize: @Sendable (JSONValue) -> JSONValue?

    /// The wire name (`max_count`).
    public var name: String { parameter.name }

    /// Checks a value a call gave: its type, its choices, then its rules. Returns it in canonical form.
    func check(_ value: JSONValue, tool: String) throws(ToolError) -> JSONValue {
        if let allowed = parameter.allowed, let text = value.stringValue, !allowed.contains(text) {
            throw .invalidArgument(name: name, reason: "must be one of \(allowed.joined(separator: ", ")), got '\(text)'")
        }
        guard let canonical = normalize(value) else {
            if let items = value.arrayValue, let kind = parameter.items, let bad = items.firstIndex(where: { normalize(.array([$0])) == nil }) {
                throw .invalidArgument(name: name, reason: "must hold only \(kind.rawValue) items; item \(bad + 1) is \(items[bad].typeName)")
            }
            throw .wrongArgumentType(tool: tool, name: name, expected: parameter.kind.rawValue, got: value.typeName)
        }
        if let problem = Self.controlCharacter(in: canonical) { throw .invalidArgument(name: name, reason: problem) }
        for rule in rules {
            if let reason = rule.reason(canonical) { throw .invalidArgument(name: name, reason: reason) }
        }
        return canonical
    }

    /// A control character in a text value or in one of a list's texts, said as the refusal; nil when there is none.
    private static func controlCharacter(in value: JSONValue) -> String? {
        if let text = value.stringValue { return ControlCharacters.problem(in: text) }
        guard let items = value.arrayValue else { return nil }
        for (index, item) in items.enumerated() {
            if let problem = item.stringValue.flatMap({ ControlCharacters.problem(in: $0) }) { return "item \(index + 1) \(problem)" }
        }
        return nil
    }
}
