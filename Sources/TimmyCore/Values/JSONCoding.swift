import Foundation

/// The JSON encoders and decoders every module shares, so stored JSON and API JSON look alike.
public enum JSONCoding {
    /// Compact, key-sorted JSON for storage and the API.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Indented JSON for people (`--json` on the CLI).
    public static func prettyEncoder() -> JSONEncoder {
        let encoder = encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Encodes a value to a UTF-8 string; values built from `JSONValue` and plain records cannot fail.
    public static func string(_ value: some Encodable) -> String {
        guard let data = try? encoder().encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes a stored JSON object string; malformed text becomes an empty object.
    public static func object(_ text: String) -> [String: JSONValue] {
        (try? decoder().decode([String: JSONValue].self, from: Data(text.utf8))) ?? [:]
    }
}
