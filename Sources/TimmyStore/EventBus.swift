import TimmyCore

/// The one in-process stream of committed events. The store publishes here after each commit, in
/// commit order; the live feed and CLI progress subscribe to streams, and Spark takes a reader
/// whose progress `settle()` waits for.
public actor EventBus {
    private var subscribers: [Int: AsyncStream<EventRecord>.Continuation] = [:]
    private var readers: [Int: ReaderState] = [:]
    private var nextID = 0
    /// The id of the newest event published.
    private var newest: Int64 = 0
    private var settling: [(through: Int64, continuation: CheckedContinuation<Void, Never>)] = []

    private struct ReaderState {
        var buffer: [EventRecord] = []
        var waiting: CheckedContinuation<[EventRecord]?, Never>?
        /// The newest event the reader has reported handled.
        var handled: Int64
        var closed = false
    }

    public init() {}

    /// A stream of every event committed from now on. It ends when the caller stops iterating.
    public func subscribe(bufferingNewest limit: Int = 10_000) -> AsyncStream<EventRecord> {
        let (stream, continuation) = AsyncStream<EventRecord>.makeStream(bufferingPolicy: .bufferingNewest(limit))
        let id = takeID()
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    /// A reader of every event committed from now on, none dropped, taken in batches. Until it
    /// closes, `settle()` waits for it to report each event handled.
    public func reader() -> EventReader {
        let id = takeID()
        readers[id] = ReaderState(handled: newest)
        return EventReader(bus: self, id: id)
    }

    /// Waits until every open reader has handled every event published so far.
    public func settle() async {
        let target = newest
        guard !isSettled(through: target) else { return }
        await withCheckedContinuation { settling.append((target, $0)) }
    }

    private func takeID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    private func unsubscribe(_ id: Int) { subscribers[id] = nil }

    func publish(_ events: [EventRecord]) {
        guard !events.isEmpty else { return }
        newest = max(newest, events.last?.id ?? newest)
        for continuation in subscribers.values {
            for event in events { continuation.yield(event) }
        }
        for id in Array(readers.keys) where readers[id]?.closed == false {
            if let waiting = readers[id]?.waiting {
                readers[id]?.waiting = nil
                waiting.resume(returning: events)
            } else {
                readers[id]?.buffer += events
            }
        }
    }

    /// The events published since the reader's last batch, waiting for one; nil once it is closed.
    func next(_ id: Int) async -> [EventRecord]? {
        guard let state = readers[id] else { return nil }
        if !state.buffer.isEmpty {
            readers[id]?.buffer = []
            return state.buffer
        }
        guard !state.closed, !Task.isCancelled else {
            remove(id)
            return nil
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if readers[id] == nil { continuation.resume(returning: nil) } else { readers[id]?.waiting = continuation }
            }
        } onCancel: {
            Task { await self.close(id) }
        }
    }

    func acknowledge(_ id: Int, through event: Int64) {
        guard let handled = readers[id]?.handled else { return }
        readers[id]?.handled = max(handled, event)
        resumeSettled()
    }

    /// Stops delivering to the reader; it still gets the events already published to it.
    func close(_ id: Int) {
        guard let state = readers[id] else { return }
        if let waiting = state.waiting {
            waiting.resume(returning: nil)
            remove(id)
        } else if state.buffer.isEmpty {
            remove(id)
        } else {
            readers[id]?.closed = true
        }
    }

    private func remove(_ id: Int) {
        readers[id] = nil
        resumeSettled()
    }

    private func isSettled(through target: Int64) -> Bool {
        readers.values.allSatisfy { $0.handled >= target }
    }

    private func resumeSettled() {
        guard !settling.isEmpty else { return }
        var waiting: [(through: Int64, continuation: CheckedContinuation<Void, Never>)] = []
        for entry in settling {
            if isSettled(through: entry.through) { entry.continuation.resume() } else { waiting.append(entry) }
        }
        settling = waiting
    }

    /// Ends every subscription and closes every reader (graceful shutdown).
    public func finish() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
        for id in Array(readers.keys) { close(id) }
    }

    public var subscriberCount: Int { subscribers.count }
}

/// One reader's handle on the bus: take batches in commit order, report what has been handled.
public struct EventReader: Sendable {
    let bus: EventBus
    let id: Int

    /// The next events, in commit order, waiting for some; nil once the reader is closed and drained.
    public func next() async -> [EventRecord]? { await bus.next(id) }

    /// Reports every event up to and including `event` handled, releasing `settle()` callers.
    public func handled(through event: Int64) async { await bus.acknowledge(id, through: event) }

    /// Stops taking new events; `next()` returns those already published, then nil.
    public func close() async { await bus.close(id) }
}
