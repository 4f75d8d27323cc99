extension JSONValue {
    /// Compact JSON text with sorted keys, written directly; the store uses it on every row it writes.
    public var jsonText: String {
        var writer = JSONTextWriter()
        writer.value(self)
        return writer.text
    }

    /// Parses JSON text; nil when it is not JSON.
    public static func parse(_ text: String) -> JSONValue? {
        JSONParser.parse(text)
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// Compact JSON text of the object, keys sorted.
    public var jsonText: String { JSONValue.object(self).jsonText }
}
