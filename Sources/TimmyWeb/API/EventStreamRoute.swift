import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle
import TimmyAPI
import TimmyCore

/// `GET /api/events`: the store's event bus as Server-Sent Events, one subscription per connection.
/// A client that says where it left off (`Last-Event-ID`, or `?after=ID`) first gets what it missed.
/// The stream ends when the client goes or the server shuts down gracefully; a comment line every
/// `heartbeat` keeps idle connections open through proxies and notices dead clients.
struct EventStreamRoute<Context: RequestContext> {
    let service: any TimmyService
    var heartbeat = Duration.seconds(15)

    /// What the stream writes: an event, or a heartbeat.
    private enum Item: Sendable {
        case event(EventView)
        case heartbeat
    }

    func add(to router: Router<Context>) {
        router.on(.events) { request, _ in
            let after = try Self.resumePoint(request)
            let subscription = try await service.events(after: after)
            let heartbeat = self.heartbeat
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
                body: ResponseBody { writer in
                    let (items, feed) = AsyncStream.makeStream(of: Item.self, bufferingPolicy: .bufferingNewest(1000))
                    try await request.body.consumeWithInboundCloseHandler { _ in
                        try await withGracefulShutdownHandler {
                            try await withThrowingTaskGroup(of: Void.self) { group in
                                group.addTask {
                                    defer { feed.finish() }
                                    for try await event in subscription { feed.yield(.event(event)) }
                                }
                                group.addTask {
                                    while true {
                                        try await Task.sleep(for: heartbeat)
                                        feed.yield(.heartbeat)
                                    }
                                }
                                let encoder = LiveEventEncoder()
                                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                                for await item in items {
                                    switch item {
                                    case .event(let event):
                                        try await writer.write(encoder.message(event))
                                    case .heartbeat:
                                        try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                                    }
                                }
                                group.cancelAll()
                            }
                        } onGracefulShutdown: {
                            feed.finish()
                        }
                    } onInboundClosed: {
                        feed.finish()
                    }
                    try await writer.finish(nil)
                })
        }
    }

    /// The id of the last event the client has, from `Last-Event-ID` or `?after=`.
    private static func resumePoint(_ request: Request) throws -> Int64? {
        guard let text = request.headers[.lastEventID] ?? request.uri.queryParameters.get("after") else { return nil }
        guard let id = Int64(text), id >= 0 else {
            throw APIError(.unprocessableContent, "after must be an event id (a whole number), got '\(text)'", field: "after")
        }
        return id
    }
}

/// Writes events as SSE messages: the event id as `id`, and one `data` line of JSON.
struct LiveEventEncoder {
    private let encoder = JSONCoding.encoder()

    func message(_ event: EventView) -> ByteBuffer {
        let json = (try? encoder.encode(LiveEvent(event: event, summary: EventSummary.text(event)))) ?? Data("{}".utf8)
        var buffer = ByteBuffer(string: "id: \(event.id ?? 0)\ndata: ")
        buffer.writeBytes(json)
        buffer.writeString("\n\n")
        return buffer
    }
}
