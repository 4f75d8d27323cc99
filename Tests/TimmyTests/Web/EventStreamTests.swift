import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmyTestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("Live events over Server-Sent Events")
struct EventStreamTests {
    @Test("a connected client receives a posted task's events as they happen, and the stream ends on graceful shutdown")
    func deliversEvents() async throws {
        let server = try await LiveServer()
        let bus = server.test.store.events
        let before = await bus.subscriberCount
        let stream = Task { try await server.send("GET", "/api/events") }
        while await bus.subscriberCount == before { try await Task.sleep(for: .milliseconds(10)) }
        let posted = try await server.json("POST", "/api/tasks", ["description": "list the files in the workspace", "wait": true])
        let id = try #require(posted.value["task"]?["id"]?.stringValue)
        await server.stop()
        let answer = try await stream.value
        #expect(answer.status == 200 && answer.headers["content-type"] == "text/event-stream; charset=utf-8")
        let messages = Self.messages(answer.text)
        #expect(messages.map { $0["event"]?["type"]?.stringValue }.first == "task_posted")
        #expect(messages.contains { $0["event"]?["type"] == "task_completed" && $0["event"]?["taskId"]?.stringValue == id })
        #expect(messages.contains { $0["summary"]?.stringValue?.hasPrefix("list_files ok") == true })
    }

    @Test("a client resuming after an event id first gets every later event; a bad id is 422")
    func resumes() async throws {
        let server = try await LiveServer()
        _ = try await server.json("POST", "/api/tasks", ["description": "read README.md", "wait": true])
        let total = try await server.test.store.eventCount()
        let bus = server.test.store.events
        let before = await bus.subscriberCount
        let stream = Task { try await server.send("GET", "/api/events", headers: ["Last-Event-ID": "3"]) }
        while await bus.subscriberCount == before { try await Task.sleep(for: .milliseconds(10)) }
        #expect(try await server.send("GET", "/api/events?after=soon").status == 422)
        await server.stop()
        let ids = try await stream.value.text.split(separator: "\n").filter { $0.hasPrefix("id: ") }.map { Int($0.dropFirst(4)) }
        #expect(ids == (4...total).map { Optional($0) })
    }

    @Test("the subscription ends when the client goes")
    func endsWhenClientGoes() async throws {
        try await withStopping(try await LiveServer()) { server in
            let bus = server.test.store.events
            let before = await bus.subscriberCount
            let stream = Task { try await server.send("GET", "/api/events") }
            while await bus.subscriberCount == before { try await Task.sleep(for: .milliseconds(10)) }
            stream.cancel()
            let deadline = ContinuousClock.now + Patience.wait
            while await bus.subscriberCount > before, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(await bus.subscriberCount == before)
        }
    }

    /// The JSON `data` of each message in an event stream.
    static func messages(_ text: String) -> [JSONValue] {
        text.split(separator: "\n").filter { $0.hasPrefix("data: ") }.compactMap { JSONValue.parse(String($0.dropFirst(6))) }
    }
}
