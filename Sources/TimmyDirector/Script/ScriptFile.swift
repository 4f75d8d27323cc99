import Foundation
import TimmyCore
import TimmyLLM
import Yams

/// A script a person wrote, as JSON or YAML (JSON is read as the YAML it also is): parsed with the
/// line of every value kept, then held to the same schema as the model's scripts, so an error says
/// the line and the field: `line 12: scenes[1].shots[0].seconds must be a number of seconds from 1 to 30`.
public enum ScriptFile {
    /// Largest script file read, in bytes.
    public static let maxBytes = 512 * 1024

    public static func script(_ text: String, name: String) throws(DirectorError) -> DirectorScript {
        guard text.utf8.count <= maxBytes else {
            throw .invalid(field: "script", message: "\(name): the script is larger than \(maxBytes / 1024) KiB")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw .invalid(field: "script", message: "\(name): \(describe(error))")
        } catch {
            throw .invalid(field: "script", message: "\(name): not JSON or YAML: \(error)")
        }
        guard let node else { throw .invalid(field: "script", message: "\(name): the file is empty; write a script object") }
        var lines: [String: Int] = [:]
        let value = json(node, path: "", lines: &lines)
        do {
            return try DirectorScript.validated(value)
        } catch .invalid(let field, let reason) {
            let line = self.line(of: field, in: lines) ?? node.mark?.line ?? 1
            throw .invalid(field: "script.\(field)", message: "\(name): line \(line): \(field) \(reason)")
        } catch {
            throw .invalid(field: "script", message: "\(name): \(error)")
        }
    }

    /// The value with the line each path starts on (`scenes[1].shots[0].seconds` → 14).
    private static func json(_ node: Node, path: String, lines: inout [String: Int]) -> JSONValue {
        if let line = node.mark?.line { lines[path] = line }
        switch node {
        case .mapping(let mapping):
            var object: [String: JSONValue] = [:]
            for (key, value) in mapping {
                let name = key.string ?? ""
                let child = path.isEmpty ? name : "\(path).\(name)"
                if let line = key.mark?.line { lines[child] = line }
                object[name] = json(value, path: child, lines: &lines)
                if let line = key.mark?.line { lines[child] = min(line, lines[child] ?? line) }
            }
            return .object(object)
        case .sequence(let sequence):
            return .array(sequence.enumerated().map { index, item in json(item, path: "\(path)[\(index)]", lines: &lines) })
        case .scalar(let scalar):
            // Quoted and block scalars are text; a plain one is whatever YAML resolves it to.
            guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
            if node.null != nil { return .null }
            if let value = node.bool { return .bool(value) }
            if let value = node.int { return .int(value) }
            if let value = node.float { return .double(value) }
            return .string(scalar.string)
        case .alias:
            return .null
        }
    }

    /// The line of a field, or of the nearest enclosing value that has one.
    private static func line(of field: String, in lines: [String: Int]) -> Int? {
        var path = field
        while true {
            if let line = lines[path] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return lines[""] }
            path = String(path[..<cut])
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            "line \(mark.line): not valid JSON or YAML: \(problem)"
        case .duplicatedKeysInMapping(let duplicates, _):
            "a key is written twice: \(duplicates.joined(separator: ", "))"
        default:
            "not valid JSON or YAML: \(error)"
        }
    }
}
