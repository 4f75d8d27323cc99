import TimmyCore

/// A decoder that decodes nothing: it notes each key a type's `init(from:)` asks for, and whether it
/// must be there, and answers with sample values.
final class SchemaRecorder: Decoder {
    let builder: SchemaBuilder
    private(set) var properties: [String: JSONValue] = [:]
    private(set) var required: Set<String> = []
    /// Keys checked for null first, as `decodeIfPresent` does for the standard library's types.
    var nullable: Set<String> = []

    init(builder: SchemaBuilder) { self.builder = builder }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The object the recorded keys describe; no other key is allowed, and a key its decoder reads
    /// with `decodeIfPresent` may also be null.
    var objectSchema: JSONValue {
        let described = properties.reduce(into: [String: JSONValue]()) { described, property in
            described[property.key] = nullable.contains(property.key) ? ["anyOf": [property.value, ["type": "null"]]] : property.value
        }
        return [
            "type": "object", "properties": .object(described), "required": .array(required.sorted().map(JSONValue.string)),
            "additionalProperties": false,
        ]
    }

    func note<T: Decodable>(_ type: T.Type, key: String, required isRequired: Bool) throws -> T {
        let (schema, sample) = try builder.describe(type)
        properties[key] = schema
        if isRequired && !nullable.contains(key) { required.insert(key) }
        return sample
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedRecorder<Key>(recorder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "a schema is derived for keyed types only"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: [], debugDescription: "a schema is derived for keyed types only"))
    }
}

private struct KeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recorder: SchemaRecorder

    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) throws -> Bool {
        recorder.nullable.insert(key.stringValue)
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try recorder.note(type, key: key.stringValue, required: true)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        // JSONDecoder's decodeIfPresent takes null as absent, so the key may be null.
        recorder.nullable.insert(key.stringValue)
        return try recorder.note(type, key: key.stringValue, required: false)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "nested containers are not described"))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "nested containers are not described"))
    }

    func superDecoder() throws -> any Decoder { recorder }
    func superDecoder(forKey key: Key) throws -> any Decoder { recorder }
}
