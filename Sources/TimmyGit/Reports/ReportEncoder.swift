import TimmyCore

/// Encodes a report straight into `JSONValue`, keys in snake_case. The detour through JSON text
/// (`JSONEncoder`, then decoding `JSONValue`) costs more than git itself on a long log.
enum ReportEncoder {
    static func encode(_ value: some Encodable) throws -> JSONValue { try Slot.json(value) }
}

/// One value being encoded: a leaf, an object or an array. Containers handed out by
/// `nestedContainer` or `superEncoder` fill their own slot, read when the value is taken.
private final class Slot {
    var leaf: JSONValue = .null
    var object: [String: JSONValue]?
    var array: [JSONValue]?
    var nested: [(key: String, index: Int, slot: Slot)] = []

    var value: JSONValue {
        if var object {
            for item in nested { object[item.key] = item.slot.value }
            return .object(object)
        }
        if var array {
            for item in nested { array[item.index] = item.slot.value }
            return .array(array)
        }
        return leaf
    }

    /// Scalars directly (the common ones by their type first, which is cheap), anything else through its own `encode(to:)`.
    static func json<T: Encodable>(_ value: T) throws -> JSONValue {
        if T.self == String.self { return .string(value as! String) }
        if T.self == Int.self { return .int(value as! Int) }
        if T.self == Bool.self { return .bool(value as! Bool) }
        if T.self == Double.self { return .double(value as! Double) }
        if T.self == JSONValue.self { return value as! JSONValue }
        if let integer = value as? any BinaryInteger { return Int(exactly: integer).map(JSONValue.int) ?? .double(Double(integer)) }
        if let number = value as? any BinaryFloatingPoint { return .double(Double(number)) }
        let slot = Slot()
        try value.encode(to: SlotEncoder(slot: slot))
        return slot.value
    }
}

private struct SlotEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.object == nil { slot.object = [:] }
        return KeyedEncodingContainer(KeyedSlot<Key>(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.array == nil { slot.array = [] }
        return UnkeyedSlot(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleSlot(slot: slot) }
}

private struct KeyedSlot<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    private func name(_ key: Key) -> String { WireName.snakeCase(key.stringValue) }

    private func nested(_ key: Key) -> SlotEncoder {
        let child = Slot()
        slot.nested.append((name(key), 0, child))
        return SlotEncoder(slot: child)
    }

    mutating func encodeNil(forKey key: Key) throws { slot.object?[name(key)] = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { slot.object?[name(key)] = try Slot.json(value) }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy keyType: Nested.Type, forKey key: Key) -> KeyedEncodingContainer<Nested> {
        nested(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { nested(key).unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { nested(key) }
}

private struct UnkeyedSlot: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var count: Int { slot.array?.count ?? 0 }

    private func nested() -> SlotEncoder {
        let child = Slot()
        slot.nested.append(("", count, child))
        slot.array?.append(.null)
        return SlotEncoder(slot: child)
    }

    mutating func encodeNil() throws { slot.array?.append(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws { slot.array?.append(try Slot.json(value)) }

    mutating func nestedContainer<Nested: CodingKey>(keyedBy keyType: Nested.Type) -> KeyedEncodingContainer<Nested> {
        nested().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nested().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { nested() }
}

private struct SingleSlot: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { slot.leaf = .null }

    mutating func encode<T: Encodable>(_ value: T) throws { slot.leaf = try Slot.json(value) }
}
