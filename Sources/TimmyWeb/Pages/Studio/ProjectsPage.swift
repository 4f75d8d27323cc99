import TimmyAPI
import TimmyCore

/// `/creative/projects`: the Director's saved projects, newest first, filtered by status or backend.
struct ProjectsPage {
    /// The most projects the page reads; filters apply to these.
    static let limit = 200

    let statusNav: FilterNav
    let backendNav: FilterNav
    let projects: [ProjectCard]
    let hasProjects: Bool
    let capped: Bool
    let limit = Self.limit
    let newestEvent: String

    init(_ service: any TimmyService, status: ProjectStatus?, backend: String?) async throws {
        newestEvent = try await LiveResume.point(service)
        let all = try await service.projects(limit: Self.limit).projects
        capped = all.count == Self.limit
        let shown = all.filter { (status == nil || $0.status == status) && (backend == nil || $0.backend == backend) }
        projects = shown.map(ProjectCard.init)
        hasProjects = !projects.isEmpty
        let statusCounts = Dictionary(grouping: all, by: \.status.rawValue).mapValues(\.count)
        let backendCounts = Dictionary(grouping: all, by: \.backend).mapValues(\.count)
        statusNav = FilterNav(
            filterLabel: "Filter by status",
            filters: ListFilter.choices(
                ProjectStatus.allCases.map(\.rawValue), selected: status?.rawValue, path: "/creative/projects", parameter: "status",
                counts: statusCounts))
        backendNav = FilterNav(
            filterLabel: "Filter by backend",
            filters: ListFilter.choices(
                ProjectRules.backends, selected: backend, path: "/creative/projects", parameter: "backend", counts: backendCounts))
    }
}
