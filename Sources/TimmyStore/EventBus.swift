import TimmyCore

/// The one in-process stream of committed events. The store publishes here after each commit;
/// Spark, the live feed and CLI progress subscribe, each getting its own stream.
public actor EventBus {
    private var subscribers: [Int: AsyncStream<EventRecord>.Continuation] = [:]
    private var nextID = 0

    public init() {}

    /// A stream of every event committed from now on. It ends when the caller stops iterating.
    public func subscribe(bufferingNewest limit: Int = 10_000) -> AsyncStream<EventRecord> {
        let (stream, continuation) = AsyncStream<EventRecord>.makeStream(bufferingPolicy: .bufferingNewest(limit))
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    private func unsubscribe(_ id: Int) { subscribers[id] = nil }

    func publish(_ events: [EventRecord]) {
        guard !subscribers.isEmpty else { return }
        for continuation in subscribers.values {
            for event in events { continuation.yield(event) }
        }
    }

    /// Ends every subscription (graceful shutdown).
    public func finish() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    public var subscriberCount: Int { subscribers.count }
}
