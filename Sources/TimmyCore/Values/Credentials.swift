/// Keeps secrets that people paste into URLs (`https://user:token@host/…`) out of everything
/// Timmy stores, logs or returns.
public enum Credentials {
    /// Replaces the user information of every `scheme://user:secret@host` URL in the text with `***`.
    public static func redact(_ text: String) -> String {
        guard text.contains("@") else { return text }
        return text.replacing(/([A-Za-z][A-Za-z0-9+.\-]*:\/\/)[^\/@\s]+@/) { "\($0.1)***@" }
    }

    /// The value with every string inside it redacted.
    public static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(redact(text))
        case .array(let items): .array(items.map(redact))
        case .object(let object): .object(object.mapValues(redact))
        default: value
        }
    }
}
