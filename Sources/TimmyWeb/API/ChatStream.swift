import Foundation
import Hummingbird
import NIOCore
import TimmyAPI
import TimmyCore

/// A chat turn's events as Server-Sent Events: one `data` line of JSON per `ChatEvent`, then
/// an `error` event if the turn broke. The turn is cancelled when the client goes.
enum ChatStream {
    static func response(_ events: AsyncThrowingStream<ChatEvent, any Error>) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                let encoder = JSONCoding.encoder()
                do {
                    for try await event in events {
                        let json = String(decoding: try encoder.encode(event), as: UTF8.self)
                        try await writer.write(ByteBuffer(string: "data: \(json)\n\n"))
                    }
                } catch {
                    let message = (error as? ServiceError)?.description ?? "\(error)"
                    try await writer.write(ByteBuffer(string: "event: error\ndata: \(JSONCoding.string(["message": message]))\n\n"))
                }
                try await writer.finish(nil)
            })
    }

    /// A whole turn collected, for a client that does not stream.
    static func collect(_ events: AsyncThrowingStream<ChatEvent, any Error>) async throws -> ChatReply {
        var steps: [String] = []
        for try await event in events {
            switch event.kind {
            case .task: if let text = event.text { steps.append(text) }
            case .message:
                if let answer = event.message { return ChatReply(conversation: answer.conversationId, answer: answer, steps: steps) }
            case .delta: break
            }
        }
        throw ServiceError.failed("the answer ended before Timmy's message was stored")
    }
}
