import TimmyAPI
import TimmySwarm

/// Where a live page's event stream picks up: the newest event when the page was read.
enum LiveResume {
    /// The newest event's id ("0" before the first). Read it before the page's contents, so an event that
    /// lands in between is replayed rather than lost.
    static func point(_ service: any TimmyService) async throws -> String {
        String(try await service.timeline(type: nil, agent: nil, limit: 1).events.first?.id ?? 0)
    }
}
