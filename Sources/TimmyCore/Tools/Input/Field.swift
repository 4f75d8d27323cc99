/// One argument of a tool, declared once where its `ToolInput` declares the property:
///
///     @Field("most commits to list", .within(1...10_000)) var maxCount = 20
///
/// The property's name gives the wire name (`max_count`); the summary, the default, the type and
/// the options give the schema, the validation and the command-line option.
@propertyWrapper
public struct Field<Value: FieldValue>: Sendable {
    private var value: Value
    /// Whether the call gave the value (in its arguments, or set in code) rather than the declaration.
    private(set) var isGiven: Bool
    /// The summary and options; only the declaration's own instance (`Input()`) carries them.
    private let declaration: (summary: String, options: [FieldOption], required: Bool)?

    public var wrappedValue: Value {
        get { value }
        set {
            value = newValue
            isGiven = true
        }
    }

    /// An argument with a default value.
    public init(wrappedValue: Value, _ summary: String, _ options: FieldOption...) {
        value = wrappedValue
        isGiven = false
        declaration = (summary, options, false)
    }

    /// An argument without a default: required, unless its type is optional.
    public init(_ summary: String, _ options: FieldOption...) {
        value = .placeholder
        isGiven = false
        declaration = (summary, options, !Value.isOptional)
    }
}

extension Field: Decodable {
    enum Keys: String, CodingKey {
        case value, given
    }

    /// Reads the shape `ToolInput.decode` writes: the checked value and whether the call gave it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        value = try container.decode(Value.self, forKey: .value)
        isGiven = try container.decode(Bool.self, forKey: .given)
        declaration = nil
    }
}

/// A `Field` seen without its value type: what `ToolInput` reads through reflection.
protocol DeclaredField {
    /// The field as declared, named after the property; nil for a decoded value, which has no declaration.
    func inputField(property: String) -> InputField?
    /// Whether the call gave the value rather than the declaration.
    var isGiven: Bool { get }
    /// The value as JSON, given or declared.
    var json: JSONValue { get }
}

extension Field: DeclaredField {
    func inputField(property: String) -> InputField? {
        guard let declaration else { return nil }
        var rules: [FieldRule] = []
        var choices = Value.choices
        var commandLine: [CommandLineUse] = []
        for option in declaration.options {
            switch option.role {
            case .rule(let rule): rules.append(rule)
            case .choices(let names): choices = names
            case .commandLine(let use): commandLine.append(use)
            }
        }
        let defaultValue = declaration.required || value.json == .null ? nil : value.json
        let parameter = ToolParameter(
            WireName.snakeCase(property), Value.kind, declaration.summary, required: declaration.required, default: defaultValue,
            allowed: choices, items: Value.itemKind, constraints: rules.reduce(into: [:]) { $0.merge($1.schema) { $1 } })
        return InputField(
            parameter: parameter, property: property, isOptional: Value.isOptional, rules: rules, commandLine: commandLine,
            normalize: { Value(json: $0)?.json })
    }

    var json: JSONValue { value.json }
}
