import TimmyCore

extension JSONValue {
    /// The value as it reads back from its JSON text (a whole double is an integer there), so a
    /// step's stored inputs compare equal to the same inputs made again.
    var normalized: JSONValue { JSONValue.parse(jsonText) ?? self }
}

/// A step's files as its outputs list them: each `path` (in the project folder), `sha256`,
/// `id` (the asset) and `seed`.
struct PlacedFile: Sendable {
    let path: String
    let sha256: String
    var id: String?
    var seed: Int?
    var kind: String

    var json: JSONValue {
        var object: [String: JSONValue] = ["path": .string(path), "sha256": .string(sha256), "kind": .string(kind)]
        if let id { object["id"] = .string(id) }
        if let seed { object["seed"] = .int(seed) }
        return .object(object)
    }
}
