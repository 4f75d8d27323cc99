import Foundation
import TimmyCore

/// A tool command's help, written from its declaration: the usage line and a section per argument.
enum ToolHelp {
    /// The usage line of `spec` typed as `command` (`git log`).
    static func usage(_ spec: CommandSpec, command: String) -> String {
        let fields = spec.tool.inputFields
        let positional = fields.filter(\.isPositional).map { field in
            let name = field.parameter.kind != .array ? "<\(field.name)>" : field.readsFile ? "<\(field.name)-file>" : "<\(field.name)> ..."
            return field.parameter.required ? name : "[\(name)]"
        }
        let options = fields.filter { !$0.isPositional }.map { field in
            let option = "--\(CommandLineInput.optionName(field)) " + (field.parameter.kind == .boolean ? "" : "<\(valueName(field))>")
            return field.parameter.required ? option.trimmed : "[\(option.trimmed)]"
        }
        return (["timmy", command] + positional + options + ["[--persona <persona>]", "[--json]"]).joined(separator: " ")
    }

    /// What the command runs, each argument with its rules and default, and the examples.
    static func discussion(_ spec: CommandSpec) -> String {
        var lines = ["Runs \(spec.tool.name) as \(spec.persona) unless --persona names another; the call is recorded."]
        let fields = spec.tool.inputFields
        if !fields.isEmpty {
            lines += ["", "ARGUMENTS OF \(spec.tool.name):"]
            for field in fields {
                lines += wrapped(label(field), describe(field))
            }
        }
        if !spec.examples.isEmpty {
            lines += ["", "EXAMPLES:"] + spec.examples.map { "  timmy \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// The help's width; ArgumentParser leaves lines this short as they are, so the hanging indents survive.
    private static let width = 78
    private static let column = 26

    /// A label and its description in two columns, the description wrapped under itself.
    private static func wrapped(_ label: String, _ text: String) -> [String] {
        var lines: [String] = []
        var line = "  " + label
        if line.count >= column - 1 {
            lines.append(line)
            line = ""
        }
        line += String(repeating: " ", count: column - line.count)
        var empty = true
        for word in text.split(separator: " ") {
            if !empty, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: column)
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        return lines + [line]
    }

    private static func label(_ field: InputField) -> String {
        if field.isPositional { return "<\(field.name)>" }
        let value = field.parameter.kind == .boolean ? "" : " <\(valueName(field))>"
        var names = ["--\(CommandLineInput.optionName(field))\(value)"]
        if let short = field.shortName { names.insert("-\(short)", at: 0) }
        if field.readsFile, field.parameter.kind != .array { names.append("--\(CommandLineInput.optionName(field))-file <path>") }
        return names.joined(separator: ", ")
    }

    private static func describe(_ field: InputField) -> String {
        let parameter = field.parameter
        var notes: [String] = []
        if let allowed = parameter.allowed { notes.append("one of " + allowed.joined(separator: ", ")) }
        if let range = range(parameter.constraints) { notes.append(range) }
        if parameter.required { notes.append("required") }
        if let value = parameter.defaultValue { notes.append("default \(JSONCoding.string(value))") }
        if parameter.kind == .array { notes.append(field.isPositional && field.readsFile ? "a file with one per line" : "repeatable") }
        if field.readsFile, parameter.kind != .array { notes.append("or read from a file") }
        guard !notes.isEmpty else { return parameter.summary }
        // A summary that ends in its own note, "(default: the … setting)", takes the others inside it.
        if parameter.summary.hasSuffix(")") { return "\(parameter.summary.dropLast()); \(notes.joined(separator: "; ")))" }
        return "\(parameter.summary) (\(notes.joined(separator: "; ")))"
    }

    private static func range(_ constraints: [String: JSONValue]) -> String? {
        let bounds = [constraints["minimum"], constraints["maximum"]].compactMap { $0.map(JSONCoding.string) }
        let multiple = constraints["multipleOf"].map { "a multiple of \(JSONCoding.string($0)) " } ?? ""
        if constraints["minItems"] != nil, let most = constraints["maxItems"] { return "at most \(JSONCoding.string(most))" }
        if bounds.count == 2 { return "\(multiple)in \(bounds[0])-\(bounds[1])" }
        if let most = constraints["maxLength"] { return "at most \(JSONCoding.string(most)) characters" }
        return nil
    }

    private static func valueName(_ field: InputField) -> String {
        field.parameter.kind == .array ? field.parameter.items?.rawValue ?? "value" : field.parameter.kind.rawValue
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}

extension InputField {
    var isPositional: Bool { commandLine.contains(.positional) }
    var readsFile: Bool { commandLine.contains(.fromFile) }
    var resolvesPath: Bool { commandLine.contains(.localPath) }
    var shortName: Character? {
        for use in commandLine { if case .short(let letter) = use { return letter } }
        return nil
    }
}
