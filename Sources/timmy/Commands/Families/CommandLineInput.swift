import Foundation
import TimmyCore

/// Reads a tool command's words against the tool's declared fields: `--max-count 5` or
/// `--max-count=5`, `-n 2`, flags for booleans (`--staged`, `--no-staged`), repeatable options
/// for lists, positions in declaration order, `--lyrics-file F` for text read from a file, and a
/// positional list given as a file of lines. What the words say is only typed here; the tool's
/// own validation judges the values.
struct CommandLineInput {
    let fields: [InputField]
    /// The command as typed (`git log`), for messages.
    let command: String
    /// The folder relative paths start from: files to read, and paths made absolute.
    let base: URL

    init(_ fields: [InputField], command: String, base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.fields = fields
        self.command = command
        self.base = base
    }

    /// The option name of a field: its wire name in kebab case (`max_count` → `max-count`).
    static func optionName(_ field: InputField) -> String { field.name.replacingOccurrences(of: "_", with: "-") }

    func arguments(_ words: [String]) throws -> [String: JSONValue] {
        var arguments: [String: JSONValue] = [:]
        var positionals: [String] = []
        var index = 0
        func value(for option: String, inline: String?) throws -> String {
            if let inline { return inline }
            index += 1
            guard index < words.count else { throw CommandFailure("\(option) needs a value") }
            return words[index]
        }
        while index < words.count {
            let word = words[index]
            if word.hasPrefix("-"), word.count > 1, Double(word) == nil {
                let (name, inline) = Self.split(word)
                if let field = field(long: name, short: word.hasPrefix("--") ? nil : name) {
                    if field.parameter.kind == .boolean, inline == nil {
                        arguments[field.name] = true
                    } else {
                        try add(try value(for: word, inline: inline), to: field, in: &arguments, option: "--\(name)")
                    }
                } else if let field = fields.first(where: { $0.parameter.kind == .boolean && "no-\(Self.optionName($0))" == name }), inline == nil {
                    arguments[field.name] = false
                } else if let field = fields.first(where: { $0.readsFile && $0.parameter.kind != .array && "\(Self.optionName($0))-file" == name }) {
                    guard arguments[field.name] == nil else { throw CommandFailure(Self.oneOf(field)) }
                    arguments[field.name] = .string(try read(try value(for: word, inline: inline), option: "--\(name)"))
                } else {
                    throw CommandFailure("unknown option '\(word)' for \(command); see `timmy \(command) --help`")
                }
            } else {
                positionals.append(word)
            }
            index += 1
        }
        try place(positionals, in: &arguments)
        return arguments
    }

    private func field(long name: String, short: String?) -> InputField? {
        if let short {
            return short.count == 1 ? fields.first { $0.shortName.map(String.init) == short } : nil
        }
        return fields.first { Self.optionName($0) == name }
    }

    /// Positions go to the positional fields in declaration order; a list takes the rest.
    private func place(_ words: [String], in arguments: inout [String: JSONValue]) throws {
        var rest = words[...]
        for field in fields where field.isPositional && arguments[field.name] == nil {
            guard let first = rest.first else { break }
            if field.parameter.kind == .array {
                if field.readsFile {
                    rest = rest.dropFirst()
                    let lines = try read(first, option: "<\(field.name)>").split(whereSeparator: \.isNewline)
                    arguments[field.name] = .array(lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(JSONValue.string))
                } else {
                    arguments[field.name] = .array(try rest.map { try typed($0, field.parameter.items ?? .string, field, option: "<\(field.name)>") })
                    rest = []
                }
            } else {
                arguments[field.name] = try typed(first, field.parameter.kind, field, option: "<\(field.name)>")
                rest = rest.dropFirst()
            }
        }
        if let extra = rest.first { throw CommandFailure("unexpected argument '\(extra)' for \(command); see `timmy \(command) --help`") }
    }

    private func add(_ text: String, to field: InputField, in arguments: inout [String: JSONValue], option: String) throws {
        if field.readsFile, field.parameter.kind != .array, arguments[field.name] != nil { throw CommandFailure(Self.oneOf(field)) }
        guard field.parameter.kind == .array else {
            arguments[field.name] = try typed(text, field.parameter.kind, field, option: option)
            return
        }
        let item = try typed(text, field.parameter.items ?? .string, field, option: option)
        arguments[field.name] = .array((arguments[field.name]?.arrayValue ?? []) + [item])
    }

    /// A word as a value of the field's JSON type.
    private func typed(_ text: String, _ kind: ToolParameter.Kind, _ field: InputField, option: String) throws -> JSONValue {
        switch kind {
        case .integer:
            guard let number = Int(text) else { throw CommandFailure("\(option): '\(text)' is not a whole number") }
            return .int(number)
        case .number:
            guard let number = Double(text) else { throw CommandFailure("\(option): '\(text)' is not a number") }
            return .double(number)
        case .boolean:
            guard let flag = Bool(text) else { throw CommandFailure("\(option): '\(text)' is not true or false") }
            return .bool(flag)
        case .string, .array, .object:
            return .string(field.resolvesPath ? localPath(text) : text)
        }
    }

    /// A path as the server should read it: an asset id as it is, a local file made absolute.
    private func localPath(_ text: String) -> String {
        if UUID(uuidString: text) != nil { return text }
        return resolve(text).standardizedFileURL.path
    }

    private func resolve(_ path: String) -> URL { path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path) }

    /// The text of a file the words name.
    private func read(_ path: String, option: String) throws -> String {
        do { return try String(contentsOf: resolve(path), encoding: .utf8) } catch {
            throw CommandFailure("\(option): cannot read '\(path)': \(error.localizedDescription)")
        }
    }

    private static func split(_ word: String) -> (name: String, inline: String?) {
        let body = word.drop { $0 == "-" }
        guard let equals = body.firstIndex(of: "=") else { return (String(body), nil) }
        return (String(body[..<equals]), String(body[body.index(after: equals)...]))
    }

    private static func oneOf(_ field: InputField) -> String {
        "give the \(field.name) with --\(optionName(field)) or --\(optionName(field))-file (one of them)"
    }
}
