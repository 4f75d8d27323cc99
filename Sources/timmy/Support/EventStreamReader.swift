import Foundation
import Synchronization
import TimmyAPI
import TimmyCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Reads a server's `/api/events` as it arrives: each message's `data` line is a `LiveEvent`.
final class EventStreamReader: NSObject, URLSessionDataDelegate, Sendable {
    private let continuation: AsyncThrowingStream<EventView, any Error>.Continuation
    /// Bytes of a message not yet ended by its blank line.
    private let pending = Mutex(Data())

    private init(_ continuation: AsyncThrowingStream<EventView, any Error>.Continuation) { self.continuation = continuation }

    /// The events the request's answer carries, until the server or the caller ends the stream.
    static func events(_ request: URLRequest) -> AsyncThrowingStream<EventView, any Error> {
        AsyncThrowingStream(bufferingPolicy: .bufferingNewest(1000)) { continuation in
            let reader = EventStreamReader(continuation)
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
        let decoder = JSONCoding.decoder()
        for message in messages {
            for line in String(decoding: message, as: UTF8.self).split(separator: "\n") where line.hasPrefix("data:") {
                let json = line.dropFirst("data:".count).drop { $0 == " " }
                if let live = try? decoder.decode(LiveEvent.self, from: Data(json.utf8)) { continuation.yield(live.event) }
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
