import TimmyCore

/// Checks a JSON value against the part of JSON Schema the generated document uses: `$ref`, `type`,
/// `enum`, `properties`, `required`, `additionalProperties`, `items`, `allOf` and `anyOf`.
struct SchemaValidator {
    let components: JSONValue

    /// Each way the value breaks the schema, with where; empty when it conforms.
    func problems(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        if let reference = schema["$ref"]?.stringValue {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let target = components[name] else { return ["\(path): unresolved \(reference)"] }
            return problems(value, target, at: path)
        }
        var found: [String] = []
        if case .array(let parts)? = schema["allOf"] { found += parts.flatMap { problems(value, $0, at: path) } }
        if case .array(let options)? = schema["anyOf"], !options.contains(where: { problems(value, $0, at: path).isEmpty }) {
            found.append("\(path): matches none of anyOf")
        }
        if case .array(let allowed)? = schema["enum"], !allowed.contains(value) { found.append("\(path): \(value) is not one of \(allowed)") }
        if let type = schema["type"]?.stringValue, !Self.matches(value, type) { return found + ["\(path): \(value.typeName) is not \(type)"] }
        switch value {
        case .object(let object):
            let properties = schema["properties"]
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where object[key] == nil { found.append("\(path): missing \(key)") }
            }
            for (key, member) in object {
                if let property = properties?[key] {
                    found += problems(member, property, at: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] {
                    if extra == .bool(false) {
                        found.append("\(path): unexpected \(key)")
                    } else {
                        found += problems(member, extra, at: "\(path).\(key)")
                    }
                }
            }
        case .array(let items):
            if let schema = schema["items"] {
                for (index, item) in items.enumerated() { found += problems(item, schema, at: "\(path)[\(index)]") }
            }
        default: break
        }
        return found
    }

    private static func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double), ("object", .object),
            ("array", .array), ("null", .null):
            true
        case ("integer", .double(let number)): number.rounded() == number
        default: false
        }
    }
}
