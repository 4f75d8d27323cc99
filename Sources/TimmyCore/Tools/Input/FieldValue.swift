/// A type a tool argument can have: how it reads from and writes to JSON, and how a schema names it.
public protocol FieldValue: Codable, Sendable {
    /// The JSON type of the value.
    static var kind: ToolParameter.Kind { get }
    /// For an array, the JSON type of its items.
    static var itemKind: ToolParameter.Kind? { get }
    /// The allowed values of an enumeration.
    static var choices: [String]? { get }
    /// Whether the argument may be left out.
    static var isOptional: Bool { get }
    /// The value a required field holds in the declaration, before a call gives it.
    static var placeholder: Self { get }
    /// The value a JSON value stands for, or nil when it is of another type.
    init?(json: JSONValue)
    var json: JSONValue { get }
}

extension FieldValue {
    public static var itemKind: ToolParameter.Kind? { nil }
    public static var choices: [String]? { nil }
    public static var isOptional: Bool { false }
}

extension String: FieldValue {
    public static var kind: ToolParameter.Kind { .string }
    public static var placeholder: String { "" }
    public init?(json: JSONValue) {
        guard let text = json.stringValue else { return nil }
        self = text
    }
    public var json: JSONValue { .string(self) }
}

extension Int: FieldValue {
    public static var kind: ToolParameter.Kind { .integer }
    public static var placeholder: Int { 0 }
    public init?(json: JSONValue) {
        guard let number = json.intValue else { return nil }
        self = number
    }
    public var json: JSONValue { .int(self) }
}

extension Double: FieldValue {
    public static var kind: ToolParameter.Kind { .number }
    public static var placeholder: Double { 0 }
    public init?(json: JSONValue) {
        guard let number = json.doubleValue else { return nil }
        self = number
    }
    public var json: JSONValue { .double(self) }
}

extension Bool: FieldValue {
    public static var kind: ToolParameter.Kind { .boolean }
    public static var placeholder: Bool { false }
    public init?(json: JSONValue) {
        guard let flag = json.boolValue else { return nil }
        self = flag
    }
    public var json: JSONValue { .bool(self) }
}

extension Array: FieldValue where Element: FieldValue {
    public static var kind: ToolParameter.Kind { .array }
    public static var itemKind: ToolParameter.Kind? { Element.kind }
    public static var placeholder: [Element] { [] }
    public init?(json: JSONValue) {
        guard let items = json.arrayValue else { return nil }
        var values: [Element] = []
        for item in items {
            guard let value = Element(json: item) else { return nil }
            values.append(value)
        }
        self = values
    }
    public var json: JSONValue { .array(map(\.json)) }
}

extension Optional: FieldValue where Wrapped: FieldValue {
    public static var kind: ToolParameter.Kind { Wrapped.kind }
    public static var itemKind: ToolParameter.Kind? { Wrapped.itemKind }
    public static var choices: [String]? { Wrapped.choices }
    public static var isOptional: Bool { true }
    public static var placeholder: Wrapped? { nil }
    public init?(json: JSONValue) {
        if case .null = json {
            self = .none
            return
        }
        guard let value = Wrapped(json: json) else { return nil }
        self = .some(value)
    }
    public var json: JSONValue { self?.json ?? .null }
}

/// A string enumeration as an argument type: its cases are the schema's `enum`, and any other
/// string is refused naming them.
public protocol FieldChoice: FieldValue, CaseIterable, RawRepresentable where RawValue == String {}

extension FieldChoice {
    public static var kind: ToolParameter.Kind { .string }
    public static var choices: [String]? { allCases.map(\.rawValue) }
    public static var placeholder: Self { allCases.first! }
    public init?(json: JSONValue) {
        guard let text = json.stringValue, let value = Self(rawValue: text) else { return nil }
        self = value
    }
    public var json: JSONValue { .string(rawValue) }
}
