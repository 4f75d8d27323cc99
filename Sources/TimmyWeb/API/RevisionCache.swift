import Hummingbird
import Synchronization
import TimmyAPI

/// JSON answers kept until the store commits its next write, so clients polling an unchanged list
/// (dashboards, scripts, monitors) get the same bytes without a query. An answer is kept with the revision
/// read before its query began, so it is never served once a later write has committed.
final class RevisionCache: Sendable {
    /// Distinct queries kept at once; more clear the cache.
    static let capacity = 64

    /// The store's revision: how many writes it has committed.
    private let revision: @Sendable () -> UInt64
    private let entries = Mutex<[String: (revision: UInt64, body: ByteBuffer)]>([:])

    init(revision: @escaping @Sendable () -> UInt64) { self.revision = revision }

    /// The JSON for `key` at the store's current revision, made with `make` when not kept.
    func response(for key: String, make: () async throws -> String) async throws -> Response {
        let revision = self.revision()
        if let body = entries.withLock({ $0[key] }).flatMap({ $0.revision == revision ? $0.body : nil }) {
            return JSONBody.response(body: body)
        }
        let body = ByteBuffer(string: try await make())
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (revision, body)
        }
        return JSONBody.response(body: body)
    }
}
