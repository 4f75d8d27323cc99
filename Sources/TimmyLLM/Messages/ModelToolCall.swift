import TimmyCore

/// A tool call a model asked for, as it sent it: the arguments are an object when they parsed as
/// one, and the text it sent either way, so a malformed call can be shown back to it.
public struct ModelToolCall: Sendable, Equatable {
    /// The server's id for the call (OpenAI-compatible servers send one; Ollama may not).
    public let id: String
    public let name: String
    public let arguments: [String: JSONValue]?
    public let argumentText: String

    public init(id: String, name: String, arguments: [String: JSONValue]?, argumentText: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
        self.argumentText = argumentText
    }

    /// A call whose arguments arrived as JSON text (OpenAI's `function.arguments`).
    public init(id: String, name: String, argumentText: String) {
        let text = argumentText.isEmpty ? "{}" : argumentText
        if case .object(let object) = JSONValue.parse(text) {
            self.init(id: id, name: name, arguments: object, argumentText: text)
        } else {
            self.init(id: id, name: name, arguments: nil, argumentText: argumentText)
        }
    }

    /// A call whose arguments arrived as a JSON value (Ollama's `function.arguments`).
    public init(id: String, name: String, argumentValue: JSONValue) {
        switch argumentValue {
        case .object(let object): self.init(id: id, name: name, arguments: object, argumentText: argumentValue.jsonText)
        case .string(let text): self.init(id: id, name: name, argumentText: text)
        default: self.init(id: id, name: name, arguments: nil, argumentText: argumentValue.jsonText)
        }
    }
}
