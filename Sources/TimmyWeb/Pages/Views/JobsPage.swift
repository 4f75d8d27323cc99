import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

/// `/jobs`: the queue of creative work, newest first, filtered by status with the count in each; every
/// job's progress, and Cancel or Retry where they apply.
struct JobsPage {
    /// The most jobs one page shows.
    static let limit = 100

    let filters: [ListFilter]
    let filterLabel = "Filter by status"
    let heading: String
    let rows: [JobRow]
    let hasRows: Bool
    /// The page shows only the newest `limit`.
    let capped: Bool
    let limit = Self.limit
    /// This page's address: where the Cancel and Retry forms come back to.
    let back: String
    /// The newest event when the page was read: the live stream resumes after it, so no change is missed.
    let newestEvent: String

    init(_ service: any TimmyService, status: JobStatus?) async throws {
        newestEvent = try await LiveResume.point(service)
        let list = try await service.jobs(status: status, limit: Self.limit)
        rows = list.jobs.map(JobRow.init)
        hasRows = !rows.isEmpty
        capped = rows.count == Self.limit
        filters = ListFilter.choices(
            JobStatus.allCases.map(\.rawValue),
            selected: status?.rawValue,
            path: "/jobs",
            parameter: "status",
            counts: list.counts
        )
        heading = status.map { "\($0.rawValue.capitalized) jobs" } ?? "Jobs"
        back = status.map { "/jobs?status=\($0.rawValue)" } ?? "/jobs"
    }
}
