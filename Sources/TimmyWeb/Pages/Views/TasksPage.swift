import Foundation
import TimmyAPI
import TimmyCore

/// `/tasks`: tasks newest first, filtered by status, a page at a time.
struct TasksPage {
    static let pageSize = 25

    let filters: [ListFilter]
    let filterLabel = "Filter by status"
    let rows: [TaskRow]
    let hasRows: Bool
    let heading: String
    let page: Int
    let pages: Int
    let previousHref: String?
    let nextHref: String?

    init(_ service: any TimmyService, status: TaskStatus?, page requested: Int) async throws {
        let counts = try await service.tasks(status: nil, limit: 1, offset: 0).counts
        let total = status.map { counts[$0.rawValue] ?? 0 } ?? counts.values.reduce(0, +)
        pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        page = min(max(1, requested), pages)
        let list = try await service.tasks(status: status, limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
        rows = list.tasks.map(TaskRow.init)
        hasRows = !rows.isEmpty
        filters = ListFilter.choices(
            TaskStatus.allCases.map(\.rawValue),
            selected: status?.rawValue,
            path: "/tasks",
            parameter: "status",
            counts: counts
        )
        heading = status.map { "\($0.rawValue.capitalized) tasks" } ?? "All tasks"
        let base = status.map { "/tasks?status=\($0.rawValue)&page=" } ?? "/tasks?page="
        previousHref = page > 1 ? base + String(page - 1) : nil
        nextHref = page < pages ? base + String(page + 1) : nil
    }
}
