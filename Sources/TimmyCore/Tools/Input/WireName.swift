/// The one rule from a Swift property name to the names the outside world uses.
public enum WireName {
    /// `maxCount` → `max_count`: the name in JSON arguments, schemas and reports. Names are ASCII
    /// Swift identifiers, so this works on bytes: reports encode every key of a long git log through it.
    public static func snakeCase(_ property: some StringProtocol) -> String {
        guard property.utf8.contains(where: { (65...90).contains($0) }) else { return String(property) }
        var bytes: [UInt8] = []
        for byte in property.utf8 {
            if (65...90).contains(byte) {
                bytes.append(95)
                bytes.append(byte + 32)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
