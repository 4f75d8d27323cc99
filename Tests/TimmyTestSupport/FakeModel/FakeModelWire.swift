import TimmyCore

/// The streamed bodies of the two documented formats, built from a turn.
enum FakeModelWire {
    static let created = "2025-05-27T22:54:57.641643Z"

    /// Ollama `/api/chat`: newline-delimited JSON, tool arguments as objects, a last `done` chunk with counts.
    static func ollama(_ turn: FakeTurn, model: String) -> [String] {
        var lines: [JSONValue] = turn.pieces.map { piece in
            ["model": .string(model), "created_at": .string(created), "message": ["role": "assistant", "content": .string(piece)], "done": false]
        }
        if !turn.calls.isEmpty {
            let calls: [JSONValue] = turn.calls.map { call in
                ["function": ["name": .string(call.name), "arguments": JSONValue.parse(call.argumentText) ?? .string(call.argumentText)]]
            }
            lines.append(
                [
                    "model": .string(model), "created_at": .string(created),
                    "message": ["role": "assistant", "content": "", "tool_calls": .array(calls)], "done": false,
                ])
        }
        lines.append(
            [
                "model": .string(model), "created_at": .string(created), "message": ["role": "assistant", "content": ""], "done": true,
                "done_reason": "stop", "total_duration": 4_883_583_458, "load_duration": 1_334_875,
                "prompt_eval_count": .int(turn.promptTokens), "prompt_eval_duration": 342_546_000, "eval_count": .int(turn.completionTokens),
                "eval_duration": 4_535_599_000,
            ])
        return lines.map { $0.jsonText + "\n" }
    }

    /// OpenAI `/v1/chat/completions`: SSE `data:` events of `chat.completion.chunk`s, tool arguments as
    /// JSON text in two parts, a `finish_reason`, a usage chunk with no choices, then `[DONE]`.
    static func openAI(_ turn: FakeTurn, model: String) -> [String] {
        func chunk(_ delta: JSONValue, finish: String? = nil) -> JSONValue {
            [
                "id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1_748_386_497, "model": .string(model),
                "choices": [["index": 0, "delta": delta, "finish_reason": finish.map(JSONValue.string) ?? .null]],
            ]
        }
        var events: [JSONValue] = [chunk(["role": "assistant", "content": ""])]
        events += turn.pieces.map { chunk(["content": .string($0)]) }
        for (index, call) in turn.calls.enumerated() {
            events.append(
                chunk([
                    "tool_calls": [
                        [
                            "index": .int(index), "id": .string("call_\(index)"), "type": "function",
                            "function": ["name": .string(call.name), "arguments": ""],
                        ]
                    ]
                ]))
            let half = call.argumentText.index(call.argumentText.startIndex, offsetBy: call.argumentText.count / 2)
            for part in [call.argumentText[..<half], call.argumentText[half...]] {
                events.append(chunk(["tool_calls": [["index": .int(index), "function": ["arguments": .string(String(part))]]]]))
            }
        }
        events.append(chunk([:], finish: turn.doneReason))
        events.append(
            [
                "id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1_748_386_497, "model": .string(model), "choices": [],
                "usage": [
                    "prompt_tokens": .int(turn.promptTokens), "completion_tokens": .int(turn.completionTokens),
                    "total_tokens": .int(turn.promptTokens + turn.completionTokens),
                ],
            ])
        return events.map { "data: \($0.jsonText)\n\n" } + ["data: [DONE]\n\n"]
    }
}
