import Foundation
import Synchronization
import Testing
import TimmyCore
import TimmyLLM
import TimmyTestSupport

/// The two clients against a fake server speaking each documented streaming format.
@Suite("Language-model clients")
struct LLMClientTests {
    static let tools = [
        ToolSpec(name: "read_file", summary: "reads a file", parameters: ["type": "object", "properties": ["path": ["type": "string"]]])
    ]

    /// Collects streamed text pieces in arrival order.
    final class Pieces: Sendable {
        let items = Mutex<[String]>([])
        func append(_ text: String) { items.withLock { $0.append(text) } }
        var all: [String] { items.withLock { $0 } }
    }

    static func configuration(_ provider: LLMProvider, _ url: String, timeout: Duration = .seconds(60), key: String? = nil) -> LLMConfiguration {
        LLMConfiguration(provider: provider, url: url, model: "qwen3", timeout: timeout, apiKey: key)
    }

    @Test("both formats stream text in order, and give tool calls, done reason and token counts", arguments: LLMProvider.allCases)
    func streams(provider: LLMProvider) async throws {
        let turn = FakeTurn(
            pieces: ["Let me ", "look."], calls: [.init("read_file", ["path": "README.md"])], promptTokens: 57, completionTokens: 9)
        let server = try await FakeModelServer([turn])
        let model = Self.configuration(provider, server.baseURL).client()
        let pieces = Pieces()
        let reply = try await model.complete([.user("what does the readme say?")], tools: Self.tools) { pieces.append($0) }
        #expect(pieces.all == ["Let me ", "look."])
        #expect(reply.content == "Let me look.")
        #expect(reply.toolCalls.map(\.name) == ["read_file"])
        #expect(reply.toolCalls.first?.arguments == ["path": "README.md"])
        #expect(reply.promptTokens == 57)
        #expect(reply.completionTokens == 9)
        #expect(reply.doneReason == (provider == .ollama ? "stop" : "tool_calls"))
        let sent = try #require(await server.received.first)
        #expect(sent.path == (provider == .ollama ? "/api/chat" : "/v1/chat/completions"))
        #expect(sent.body["model"] == "qwen3")
        #expect(sent.body["stream"] == true)
        #expect(sent.body["tools"]?.arrayValue?.first?["function"]?["name"] == "read_file")
        #expect(sent.body["tools"]?.arrayValue?.first?["function"]?["parameters"]?["type"] == "object")
        #expect(sent.body["messages"]?.arrayValue?.first?["role"] == "user")
        await server.stop()
    }

    @Test("a tool's result goes back in each format's own shape: tool_name for Ollama, tool_call_id for OpenAI", arguments: LLMProvider.allCases)
    func toolResults(provider: LLMProvider) async throws {
        let server = try await FakeModelServer([.answer("done")])
        let call = ModelToolCall(id: "call_7", name: "read_file", arguments: ["path": "a.txt"], argumentText: #"{"path":"a.txt"}"#)
        let messages: [ChatMessage] = [.user("read a.txt"), .assistant("", calls: [call]), .tool(call, "hello")]
        _ = try await Self.configuration(provider, server.baseURL).client().complete(messages, tools: Self.tools) { _ in }
        let sent = try #require(await server.received.first?.body["messages"]?.arrayValue)
        #expect(sent.count == 3)
        #expect(sent[2]["role"] == "tool")
        #expect(sent[2]["content"] == "hello")
        if provider == .ollama {
            #expect(sent[1]["tool_calls"]?.arrayValue?.first?["function"]?["arguments"] == ["path": "a.txt"])
            #expect(sent[2]["tool_name"] == "read_file")
        } else {
            #expect(sent[1]["tool_calls"]?.arrayValue?.first?["function"]?["arguments"] == #"{"path":"a.txt"}"#)
            #expect(sent[1]["tool_calls"]?.arrayValue?.first?["id"] == "call_7")
            #expect(sent[2]["tool_call_id"] == "call_7")
        }
        await server.stop()
    }

    @Test("the API key is sent as a bearer token to an OpenAI-compatible server only")
    func apiKey() async throws {
        let server = try await FakeModelServer([.answer("hi")])
        _ = try await Self.configuration(.openai, server.baseURL, key: "sk-test-secret").client().complete([.user("hi")], tools: []) { _ in }
        _ = try await Self.configuration(.ollama, server.baseURL, key: "sk-test-secret").client().complete([.user("hi")], tools: []) { _ in }
        let received = await server.received
        #expect(received.map(\.authorization) == ["Bearer sk-test-secret", nil])
        await server.stop()
    }

    @Test("an error status is an error with the server's own message", arguments: LLMProvider.allCases)
    func serverError(provider: LLMProvider) async throws {
        let server = try await FakeModelServer([FakeTurn(failure: (404, "model 'qwen3' not found"))])
        let error = await #expect(throws: LLMError.self) {
            _ = try await Self.configuration(provider, server.baseURL).client().complete([.user("hi")], tools: []) { _ in }
        }
        #expect(error == .server(url: server.baseURL, status: 404, message: "model 'qwen3' not found"))
        await server.stop()
    }

    // The bounds on elapsed time are the settings' own (and far below the fake's silence), so a
    // loaded machine does not fail them; the errors say what cut the call short.
    @Test("an unreachable server fails within llm_timeout_seconds, naming the URL and the setting")
    func unreachable() async throws {
        let url = FakeModelServer.closedURL()
        let started = ContinuousClock.now
        let error = await #expect(throws: LLMError.self) {
            _ = try await Self.configuration(.ollama, url, timeout: .seconds(60)).client().complete([.user("hi")], tools: []) { _ in }
        }
        #expect(ContinuousClock.now - started < .seconds(60))
        if case .unreachable? = error {} else { Issue.record("a refused connection is unreachable, not \(String(describing: error))") }
        let message = try #require(error?.description)
        #expect(message.contains(url))
        #expect(message.contains("llm_url"))
    }

    @Test("a silent server times out after llm_timeout_seconds, and says so")
    func timeout() async throws {
        let server = try await FakeModelServer([FakeTurn(delay: .seconds(60))])
        let started = ContinuousClock.now
        let error = await #expect(throws: LLMError.self) {
            _ = try await Self.configuration(.ollama, server.baseURL, timeout: .milliseconds(500)).client().complete([.user("hi")], tools: []) { _ in
            }
        }
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(error == .timedOut(url: server.baseURL, seconds: 0.5))
        #expect(error?.description.contains("llm_timeout_seconds") == true)
        await server.stop()
    }

    @Test("cancelling the caller ends the call at once")
    func cancel() async throws {
        let server = try await FakeModelServer([FakeTurn(delay: .seconds(60))])
        let model = Self.configuration(.openai, server.baseURL, timeout: .seconds(30)).client()
        let started = ContinuousClock.now
        let call = Task { () -> LLMError? in
            do {
                _ = try await model.complete([.user("hi")], tools: []) { _ in }
                return nil
            } catch {
                return error as? LLMError
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        call.cancel()
        let error = await call.value
        #expect(error == .cancelled)
        #expect(ContinuousClock.now - started < .seconds(30))
        await server.stop()
    }

    @Test("nothing is configured, so nothing is sent, while llm_provider is none")
    func noneProvider() throws {
        var settings = Settings(baseDirectory: URL(fileURLWithPath: "/tmp"))
        #expect(try LLMConfiguration.from(settings: settings, environment: [:]) == nil)
        try settings.set(.llmProvider, text: "ollama", source: .flag("test"))
        try settings.set(.llmURL, text: "ftp://example", source: .flag("test"))
        #expect(throws: LLMError.badURL("ftp://example")) { try LLMConfiguration.from(settings: settings, environment: [:]) }
    }

    @Test("the API key comes from TIMMY_LLM_API_KEY, which settings pass over and never show")
    func keyFromEnvironment() throws {
        let settings = try Settings.load(
            baseDirectory: URL(fileURLWithPath: "/nonexistent"), environment: ["TIMMY_LLM_API_KEY": "sk-env", "TIMMY_LLM_PROVIDER": "openai"])
        #expect(settings.effective.allSatisfy { !$0.value.description.contains("sk-env") })
        let configuration = try #require(try LLMConfiguration.from(settings: settings, environment: ["TIMMY_LLM_API_KEY": "sk-env"]))
        #expect(configuration.provider == .openai)
        #expect(!"\(configuration)".contains("sk-env"))
    }
}
