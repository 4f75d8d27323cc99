import Foundation
import TimmyAPI
import TimmyCore

/// A form made from a JSON schema, the one a tool or request declares: a field per property with its
/// label, doc line, bounds, choices and default, so a page never keeps a second list of them. It also
/// reads the posted form back into typed arguments, naming the field that does not fit.
struct SchemaForm {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Field {
        let name: String
        /// The element id: the form's id and the field's name.
        let id: String
        let label: String
        let hint: String
        let required: Bool
        let textarea: Bool
        let input: Bool
        let select: Bool
        /// `text` or `number`, for an input.
        let type: String
        let min: String?
        let max: String?
        let step: String?
        let maxLength: Int?
        let options: [Option]
        let value: String
        /// The problem with the posted value, shown beside the field.
        let error: String?
    }

    /// The element id of the form, and the prefix of its fields' ids.
    let id: String
    let fields: [Field]

    /// - Parameters:
    ///   - names: the properties to show, in order; each must be in the schema.
    ///   - multiline: the text properties edited in a text area.
    ///   - values: what the form shows: the posted values, else each property's default.
    ///   - choices: options for a string property that takes ids (an image from the gallery).
    ///   - error: the field at fault and why, from the last post.
    init(
        id: String, schema: JSONValue, names: [String], multiline: Set<String> = [], values: [String: String] = [:],
        choices: [String: [(value: String, label: String)]] = [:], error: ServiceError? = nil
    ) {
        self.id = id
        // A tool names its argument `arguments.<name>`; the form names the field itself.
        let blamed = error?.field.map { $0.hasPrefix("arguments.") ? String($0.dropFirst("arguments.".count)) : $0 }
        let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        fields = names.compactMap { name in
            guard let property = schema["properties"]?[name].map(Self.unwrapped) else { return nil }
            let type = property["type"]?.stringValue ?? "string"
            let value = values[name] ?? property["default"].map(Self.text) ?? ""
            let listed = choices[name] ?? property["enum"]?.arrayValue?.compactMap(\.stringValue).map { ($0, $0) }
            let isRequired = required.contains(name)
            let options = listed.map { pairs in
                (isRequired ? [] : [Option(value: "", label: "default", selected: value.isEmpty)])
                    + pairs.map { Option(value: $0.value, label: $0.label, selected: $0.value == value) }
            }
            let number = type == "integer" || type == "number"
            return Field(
                name: name, id: "\(id)-\(name)", label: Self.label(name), hint: property["description"]?.stringValue ?? "", required: isRequired,
                textarea: listed == nil && multiline.contains(name), input: listed == nil && !multiline.contains(name), select: listed != nil,
                type: number ? "number" : "text", min: property["minimum"].map(Self.text), max: property["maximum"].map(Self.text),
                step: number ? (type == "integer" ? property["multipleOf"].map(Self.text) ?? "1" : "any") : nil,
                maxLength: property["maxLength"]?.intValue, options: options ?? [], value: value,
                error: blamed == name ? error?.description : nil)
        }
    }

    /// "negative_prompt" as "Negative prompt"; "pauseAfter" as "Pause after".
    static func label(_ name: String) -> String {
        var words = ""
        for character in name {
            if character == "_" {
                words.append(" ")
            } else if character.isUppercase {
                words += " " + character.lowercased()
            } else {
                words.append(character)
            }
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// An optional property's own schema: `anyOf` it and null, as the API document writes it.
    private static func unwrapped(_ property: JSONValue) -> JSONValue {
        property["anyOf"]?.arrayValue?.first { $0["type"]?.stringValue != "null" } ?? property
    }

    private static func text(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        if let number = value.doubleValue, number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return value.jsonText
    }

    /// The posted values of the schema's properties as JSON, each as its type says; a field left
    /// empty is left out, so the tool's default applies. Text keeps its spaces for the tool to judge.
    static func arguments(_ form: [String: String], schema: JSONValue) throws(ServiceError) -> [String: JSONValue] {
        guard case .object(let properties)? = schema["properties"] else { return [:] }
        var arguments: [String: JSONValue] = [:]
        for (name, declared) in properties {
            let property = unwrapped(declared)
            guard let raw = form[name], !raw.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let entry = raw.trimmingCharacters(in: .whitespaces)
            switch property["type"]?.stringValue {
            case "integer":
                guard let number = Int(entry) else {
                    throw .invalid(field: name, message: "\(name) must be a whole number, got '\(Format.clip(entry, 40))'")
                }
                arguments[name] = .int(number)
            case "number":
                guard let number = Double(entry), number.isFinite else {
                    throw .invalid(field: name, message: "\(name) must be a number, got '\(Format.clip(entry, 40))'")
                }
                arguments[name] = .double(number)
            case "boolean":
                guard let flag = Bool(entry) else {
                    throw .invalid(field: name, message: "\(name) must be true or false, got '\(Format.clip(entry, 40))'")
                }
                arguments[name] = .bool(flag)
            default:
                arguments[name] = .string(raw)
            }
        }
        return arguments
    }
}
