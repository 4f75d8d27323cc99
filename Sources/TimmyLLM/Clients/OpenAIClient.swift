import Foundation
import TimmyCore

/// An OpenAI-compatible `POST /v1/chat/completions`, streamed as Server-Sent Events: `data:` lines
/// of `chat.completion.chunk` objects whose `delta`s carry text and pieces of tool calls (by
/// `index`, the arguments as JSON text in parts), a `finish_reason`, a last chunk with `usage`
/// (asked for with `stream_options.include_usage`), then `data: [DONE]`.
public struct OpenAIClient: LanguageModel {
    let configuration: LLMConfiguration

    public init(configuration: LLMConfiguration) { self.configuration = configuration }

    public var provider: LLMProvider { .openai }
    public var model: String { configuration.model }

    /// `…/v1/chat/completions`, whether or not `llm_url` already ends in `/v1`.
    var endpoint: String { configuration.url + (configuration.url.hasSuffix("/v1") ? "" : "/v1") + "/chat/completions" }

    public func complete(
        _ messages: [ChatMessage], tools: [ToolSpec], onText: @Sendable (String) async -> Void
    ) async throws(LLMError) -> ModelReply {
        var body: [String: JSONValue] = [
            "model": .string(configuration.model), "stream": true, "stream_options": ["include_usage": true],
            "messages": .array(messages.map(Self.wire)),
        ]
        if !tools.isEmpty { body["tools"] = .array(tools.map(\.wireValue)) }
        var headers: [(String, String)] = []
        if let key = configuration.apiKey { headers.append(("Authorization", "Bearer \(key)")) }
        var reply = ModelReply()
        var calls: [Int: (id: String, name: String, arguments: String)] = [:]
        var finished = false
        let url = configuration.url
        try await StreamingPost(configuration: configuration).send(to: endpoint, body: .object(body), headers: headers) { line throws(LLMError) in
            guard line.hasPrefix("data:") else { return }
            let data = line.dropFirst("data:".count).trimmingCharacters(in: .whitespaces)
            if data == "[DONE]" {
                finished = true
                return
            }
            guard let chunk = JSONValue.parse(data) else { throw .malformed(url: url, reason: "an event is not JSON: \(data.prefix(200))") }
            if let error = chunk["error"] {
                throw .server(url: url, status: 200, message: error["message"]?.stringValue ?? error.jsonText)
            }
            if let usage = chunk["usage"], usage != .null {
                reply.promptTokens = usage["prompt_tokens"]?.intValue
                reply.completionTokens = usage["completion_tokens"]?.intValue
            }
            for choice in chunk["choices"]?.arrayValue ?? [] {
                let delta = choice["delta"]
                if let text = delta?["content"]?.stringValue, !text.isEmpty {
                    reply.content += text
                    await onText(text)
                }
                for part in delta?["tool_calls"]?.arrayValue ?? [] {
                    let index = part["index"]?.intValue ?? calls.count
                    var call = calls[index] ?? (id: "", name: "", arguments: "")
                    if let id = part["id"]?.stringValue { call.id = id }
                    if let name = part["function"]?["name"]?.stringValue { call.name += name }
                    if let arguments = part["function"]?["arguments"]?.stringValue { call.arguments += arguments }
                    calls[index] = call
                }
                if let reason = choice["finish_reason"]?.stringValue { reply.doneReason = reason }
            }
        }
        guard finished || reply.doneReason != nil else {
            throw .malformed(url: url, reason: "the stream ended without a finish_reason or [DONE]")
        }
        reply.toolCalls = calls.sorted { $0.key < $1.key }.map { index, call in
            ModelToolCall(id: call.id.isEmpty ? "call_\(index + 1)" : call.id, name: call.name, argumentText: call.arguments)
        }
        return reply
    }

    static func wire(_ message: ChatMessage) -> JSONValue {
        var object: [String: JSONValue] = ["role": .string(message.role.rawValue), "content": .string(message.content)]
        if !message.toolCalls.isEmpty {
            object["tool_calls"] = .array(
                message.toolCalls.map { call in
                    ["id": .string(call.id), "type": "function", "function": ["name": .string(call.name), "arguments": .string(call.argumentText)]]
                })
        }
        if let call = message.answering { object["tool_call_id"] = .string(call.id) }
        return .object(object)
    }
}
