/// Why a tool call was refused or failed, in words a person can act on.
public enum ToolError: Error, Equatable, CustomStringConvertible {
    case unknownTool(String, known: [String])
    case unknownPersona(String)
    case notInToolkit(tool: String, persona: String, allowed: [String])
    case missingArgument(tool: String, name: String)
    case unknownArgument(tool: String, name: String, known: [String])
    case wrongArgumentType(tool: String, name: String, expected: String, got: String)
    case invalidArgument(name: String, reason: String)
    case failed(String)

    public var description: String {
        switch self {
        case .unknownTool(let name, let known):
            "unknown tool '\(name)'; known tools: \(known.joined(separator: ", "))"
        case .unknownPersona(let id):
            "unknown persona '\(id)'; personas: \(PersonaCatalog.ids.joined(separator: ", "))"
        case .notInToolkit(let tool, let persona, let allowed):
            "persona '\(persona)' may not call '\(tool)': it is not in its toolkit (allowed: \(allowed.joined(separator: ", ")))"
        case .missingArgument(let tool, let name):
            "\(tool): missing required argument '\(name)'"
        case .unknownArgument(let tool, let name, let known):
            "\(tool): unknown argument '\(name)'; arguments: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        case .wrongArgumentType(let tool, let name, let expected, let got):
            "\(tool): argument '\(name)' must be \(expected), got \(got)"
        case .invalidArgument(let name, let reason):
            "argument '\(name)' \(reason)"
        case .failed(let message):
            message
        }
    }
}
