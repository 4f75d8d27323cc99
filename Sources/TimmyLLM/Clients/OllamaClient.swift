import Foundation
import TimmyCore

/// Ollama's `POST /api/chat`, streamed: one JSON object a line, each with a piece of the message,
/// tool calls with their arguments as objects, and a last one with `done`, `done_reason` and the
/// token counts (`prompt_eval_count`, `eval_count`).
public struct OllamaClient: LanguageModel {
    let configuration: LLMConfiguration

    public init(configuration: LLMConfiguration) { self.configuration = configuration }

    public var provider: LLMProvider { .ollama }
    public var model: String { configuration.model }

    public func complete(
        _ messages: [ChatMessage], tools: [ToolSpec], onText: @Sendable (String) async -> Void
    ) async throws(LLMError) -> ModelReply {
        var body: [String: JSONValue] = [
            "model": .string(configuration.model), "stream": true, "messages": .array(messages.map(Self.wire)),
        ]
        if !tools.isEmpty { body["tools"] = .array(tools.map(\.wireValue)) }
        var reply = ModelReply()
        var finished = false
        let url = configuration.url
        try await StreamingPost(configuration: configuration).send(to: url + "/api/chat", body: .object(body)) { line throws(LLMError) in
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
            guard let chunk = JSONValue.parse(line) else { throw .malformed(url: url, reason: "a line is not JSON: \(line.prefix(200))") }
            if let error = chunk["error"]?.stringValue { throw .server(url: url, status: 200, message: error) }
            if let text = chunk["message"]?["content"]?.stringValue, !text.isEmpty {
                reply.content += text
                await onText(text)
            }
            for call in chunk["message"]?["tool_calls"]?.arrayValue ?? [] {
                guard let function = call["function"], let name = function["name"]?.stringValue else {
                    throw .malformed(url: url, reason: "a tool call has no function name")
                }
                let id = call["id"]?.stringValue ?? "call_\(reply.toolCalls.count + 1)"
                reply.toolCalls.append(ModelToolCall(id: id, name: name, argumentValue: function["arguments"] ?? [:]))
            }
            if chunk["done"]?.boolValue == true {
                finished = true
                reply.doneReason = chunk["done_reason"]?.stringValue
                reply.promptTokens = chunk["prompt_eval_count"]?.intValue
                reply.completionTokens = chunk["eval_count"]?.intValue
            }
        }
        guard finished else { throw .malformed(url: url, reason: "the stream ended without a chunk saying done") }
        return reply
    }

    static func wire(_ message: ChatMessage) -> JSONValue {
        var object: [String: JSONValue] = ["role": .string(message.role.rawValue), "content": .string(message.content)]
        if !message.toolCalls.isEmpty {
            object["tool_calls"] = .array(
                message.toolCalls.map { call in
                    ["function": ["name": .string(call.name), "arguments": .object(call.arguments ?? [:])]]
                })
        }
        if let call = message.answering { object["tool_name"] = .string(call.name) }
        return .object(object)
    }
}
