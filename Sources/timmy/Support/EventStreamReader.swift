import Foundation
import Synchronization
import TimmyAPI
import TimmyCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads Server-Sent Events as they arrive: each message's `data` line is JSON of one item, and an
/// `error` event (`{"message": …}`) ends the stream with that error.
final class EventStreamReader<Item: Sendable>: NSObject, URLSessionDataDelegate, Sendable {
    private let continuation: AsyncThrowingStream<Item, any Error>.Continuation
    private let decode: @Sendable (Data) -> Item?
    /// Bytes of a message not yet ended by its blank line.
    private let pending = Mutex(Data())

    private init(_ continuation: AsyncThrowingStream<Item, any Error>.Continuation, decode: @escaping @Sendable (Data) -> Item?) {
        self.continuation = continuation
        self.decode = decode
    }

    /// The items the request's answer carries, until the server or the caller ends the stream.
    static func items(_ request: URLRequest, decode: @escaping @Sendable (Data) -> Item?) -> AsyncThrowingStream<Item, any Error> {
        AsyncThrowingStream(bufferingPolicy: .bufferingNewest(1000)) { continuation in
            let reader = EventStreamReader(continuation, decode: decode)
            let session = URLSession(configuration: .ephemeral, delegate: reader, delegateQueue: nil)
            let task = session.dataTask(with: request)
            continuation.onTermination = { _ in
                task.cancel()
                session.invalidateAndCancel()
            }
            task.resume()
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            continuation.finish(throwing: ServiceError.unavailable("the event stream answered HTTP \(status)"))
            return completionHandler(.cancel)
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let messages = pending.withLock { pending in
            pending.append(data)
            var messages: [Data] = []
            while let end = pending.firstRange(of: Data("\n\n".utf8)) {
                messages.append(pending[pending.startIndex..<end.lowerBound])
                pending.removeSubrange(pending.startIndex..<end.upperBound)
            }
            return messages
        }
        for message in messages {
            let lines = String(decoding: message, as: UTF8.self).split(separator: "\n")
            let isError = lines.contains("event: error")
            for line in lines where line.hasPrefix("data:") {
                let json = Data(line.dropFirst("data:".count).drop { $0 == " " }.utf8)
                if isError {
                    let text = JSONCoding.object(String(decoding: json, as: UTF8.self))["message"]?.stringValue ?? "the server reported an error"
                    continuation.finish(throwing: ServiceError.failed(text))
                } else if let item = decode(json) {
                    continuation.yield(item)
                }
            }
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let error, (error as? URLError)?.code != .cancelled {
            continuation.finish(throwing: ServiceError.unavailable("the event stream broke: \(error.localizedDescription)"))
        } else {
            continuation.finish()
        }
        session.finishTasksAndInvalidate()
    }
}

extension EventStreamReader where Item == EventView {
    /// A server's `/api/events`: each message's `data` line is a `LiveEvent`.
    static func events(_ request: URLRequest) -> AsyncThrowingStream<EventView, any Error> {
        items(request) { try? JSONCoding.decoder().decode(LiveEvent.self, from: $0).event }
    }
}
