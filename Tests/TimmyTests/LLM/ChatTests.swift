import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

/// Talking with Timmy: streamed answers, tasks posted to the swarm as a tool, history in the store,
/// bad input refused with the field named, and a page that says how to configure a model.
@Suite("Chat")
struct ChatTests {
    static func settings(_ server: FakeModelServer) -> [(any SettingKey, String)] {
        [(Setting.llmProvider, "ollama"), (Setting.llmURL, server.baseURL), (Setting.llmModel, "qwen3")]
    }

    static func collect(_ stream: AsyncThrowingStream<ChatEvent, any Error>) async throws -> [ChatEvent] {
        var events: [ChatEvent] = []
        for try await event in stream { events.append(event) }
        return events
    }

    @Test("Timmy posts a task as a tool, its progress shows in the turn, the answer streams, and both messages are stored")
    func postsTask() async throws {
        let server = try await FakeModelServer([
            .call("post_task", ["description": "list the files in the workspace"]), .answer("The workspace holds README.md and nothing else."),
        ])
        let test = try await TestRuntime(settings: Self.settings(server))
        defer {
            Task {
                await test.stop()
                await server.stop()
            }
        }
        let events = try await Self.collect(try await test.runtime.chat("  what is in the workspace?  ", conversation: nil))
        #expect(events.filter { $0.kind == .delta }.compactMap(\.text).joined() == "The workspace holds README.md and nothing else.")
        let steps = events.filter { $0.kind == .task }
        #expect(steps.first?.text?.hasPrefix("posted task") == true)
        #expect(steps.contains { $0.text?.contains("won the auction") == true })
        #expect(steps.last?.text?.hasPrefix("task completed by") == true)
        let answer = try #require(events.last?.message)
        #expect(events.last?.kind == .message)
        #expect(answer.content == "The workspace holds README.md and nothing else.")
        let task = try #require(answer.taskId)
        #expect(try await test.runtime.task(task).task.status == .completed)
        let fedBack = await server.received[1].body["messages"]?.arrayValue?.last
        #expect(fedBack?["role"] == "tool" && fedBack?["content"]?.stringValue?.contains("README.md") == true)

        let history = try await test.runtime.chatHistory(conversation: answer.conversationId, limit: 50)
        #expect(history.messages.map(\.role) == ["user", "assistant"])
        #expect(history.messages.first?.content == "what is in the workspace?")
        #expect(history.messages.last?.taskId == task)
        let latest = try await test.runtime.chatHistory(conversation: nil, limit: 50)
        #expect(latest.conversation == answer.conversationId)
        let calls = try await test.store.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM model_calls WHERE purpose = 'chat' AND conversation_id = ?", arguments: [answer.conversationId])
        }
        #expect(calls == 2)
    }

    @Test("the next turn of a conversation gives the model what was said before")
    func keepsHistory() async throws {
        let server = try await FakeModelServer([.answer("Hello!"), .answer("You said hello.")])
        let test = try await TestRuntime(settings: Self.settings(server))
        defer {
            Task {
                await test.stop()
                await server.stop()
            }
        }
        let first = try await Self.collect(try await test.runtime.chat("hello", conversation: nil))
        let conversation = try #require(first.last?.message?.conversationId)
        _ = try await Self.collect(try await test.runtime.chat("what did I say?", conversation: conversation))
        let sent = await server.received[1].body["messages"]?.arrayValue?.compactMap { $0["content"]?.stringValue } ?? []
        #expect(Array(sent.dropFirst()) == ["hello", "Hello!", "what did I say?"])
        #expect(try await test.runtime.chatHistory(conversation: conversation, limit: 10).messages.count == 4)
    }

    @Test(
        "an empty, over-long or control-character message is refused with the field named, and nothing is sent",
        arguments: ["   ", String(repeating: "a", count: 4001), "hello\u{07}there"])
    func badInput(message: String) async throws {
        let server = try await FakeModelServer([.answer("never")])
        let test = try await TestRuntime(settings: Self.settings(server))
        defer {
            Task {
                await test.stop()
                await server.stop()
            }
        }
        let error = await #expect(throws: ServiceError.self) { _ = try await test.runtime.chat(message, conversation: nil) }
        #expect(error?.field == "message")
        #expect(await server.received.isEmpty)
        #expect(try await test.runtime.chatHistory(conversation: nil, limit: 10).conversation == nil)
    }

    @Test("with no model configured, chat says how to configure one, and /chat renders that instead of failing")
    func notConfigured() async throws {
        try await withStopping(try await LiveServer()) { server in
            let error = await #expect(throws: ServiceError.self) { _ = try await server.test.runtime.chat("hi", conversation: nil) }
            #expect(error?.kind == .conflict)
            #expect(error?.description.contains("llm_provider") == true)
            let answer = try await server.json("POST", "/api/chat", ["message": "hi"])
            #expect(answer.status == 409 && answer.value["error"]?["kind"] == "conflict")
            let page = try await server.send("GET", "/chat")
            #expect(page.status == 200)
            #expect(page.text.contains("No language model configured") && page.text.contains("llm_provider"))
            let api = try await server.json("GET", "/api/chat")
            #expect(api.value["model"]?["configured"] == false)
        }
    }

    @Test("the chat form works without script: the whole answer, then back to the conversation")
    func formWithoutScript() async throws {
        let model = try await FakeModelServer([.answer("Hi, I am Timmy.")])
        let server = try await LiveServer(settings: Self.settings(model))
        defer {
            Task {
                await server.stop()
                await model.stop()
            }
        }
        let form = try await FormSession(server, path: "/chat")
        let posted = try await form.post("/chat", ["message": "who are you?", "conversation": ""])
        #expect(posted.status == 303)
        let location = try #require(posted.headers["location"])
        #expect(location.hasPrefix("/chat?conversation="))
        let page = try await server.send("GET", location)
        #expect(page.text.contains("who are you?") && page.text.contains("Hi, I am Timmy."))
        let spark = try await server.send("GET", "/spark")
        #expect(spark.text.contains("qwen3 (ollama)") && spark.text.contains("1 call, 0 failed"))
        let refused = try await form.post("/chat", ["message": " ", "conversation": ""])
        #expect(refused.status == 422)
        #expect(refused.text.contains("message must not be empty"))
    }

    @Test("POST /api/chat/stream streams the answer as Server-Sent Events; POST /api/chat waits for it")
    func apiStream() async throws {
        let model = try await FakeModelServer([.answer("one two three"), .answer("four")])
        let server = try await LiveServer(settings: Self.settings(model))
        defer {
            Task {
                await server.stop()
                await model.stop()
            }
        }
        let body = try JSONCoding.encoder().encode(ChatRequest(message: "count", conversation: nil))
        let answer = try await server.send("POST", "/api/chat/stream", body: body, headers: ["Accept": "text/event-stream"])
        #expect(answer.status == 200)
        #expect(answer.headers["content-type"]?.hasPrefix("text/event-stream") == true)
        let events = answer.text.split(separator: "\n").filter { $0.hasPrefix("data: ") }.compactMap {
            try? JSONCoding.decoder().decode(ChatEvent.self, from: Data($0.dropFirst(6).utf8))
        }
        #expect(events.filter { $0.kind == .delta }.compactMap(\.text) == ["one", " two", " three"])
        #expect(events.last?.message?.content == "one two three")
        let whole = try await server.json(
            "POST", "/api/chat", ["message": "more", "conversation": .string(events.last?.message?.conversationId ?? "")])
        #expect(whole.status == 200)
        #expect(whole.value["answer"]?["content"] == "four")
        let bad = try await server.json("POST", "/api/chat", ["message": ""])
        #expect(bad.status == 422)
        #expect(bad.value["error"]?["field"] == "message")
    }

    @Test("timmy chat streams the answer in a terminal (under a pty) and keeps the conversation")
    func terminal() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let server = try await FakeModelServer([.answer("General Kenobi.")])
        try folder.write(
            "timmy.toml", "llm_provider = \"ollama\"\nllm_url = \"\(server.baseURL)\"\nllm_model = \"qwen3\"\nport = \(TimmyBinary.freePort())\n")
        let command = "printf 'hello there\\n/quit\\n' | script -qec '\(TimmyBinary.url.path) chat' /dev/null"
        // The processes are waited for off the cooperative pool, which the other suites share.
        let (status, output) = try await Self.offPool { try TimmyBinary.run(["-c", command], in: folder.url, executable: "/bin/sh") }
        #expect(status == 0, "\(output)")
        #expect(output.contains("you> "), "\(output)")
        #expect(output.contains("timmy> General Kenobi."), "\(output)")
        let history = try await Self.offPool { try TimmyBinary.run(["chat", "--history"], in: folder.url) }
        #expect(history.output.contains("you: hello there") && history.output.contains("timmy: General Kenobi."), "\(history.output)")
        await server.stop()
    }

    /// Runs blocking work on a thread of its own.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
