import TimmyAPI
import TimmyCore
import TimmySwarm

/// `/`: post a task, see the counts by status, every agent at a glance, recent tasks and the live feed.
struct MissionPage {
    /// How many lines the live feed starts with.
    static let feedLength = 40

    struct Count {
        let status: String
        let count: Int
        let href: String
    }

    struct Agent {
        let id: String
        let name: String
        let role: String
        let status: String
        let taskHref: String?
        let taskShort: String
        let jobHref: String?
        let jobShort: String
        let queued: Int
    }

    let counts: [Count]
    let agents: [Agent]
    let recent: [TaskRow]
    let hasRecent: Bool
    let feed: [FeedItem]
    let blank = FeedItem.blank
    /// The newest event in the feed: the live stream resumes after it.
    let newestEvent: String
    /// What was typed in the form when it was refused, and why.
    let draft: String
    let formError: String?

    init(_ service: any TimmyService, draft: String = "", formError: String? = nil) async throws {
        let tasks = try await service.tasks(status: nil, limit: 8, offset: 0)
        counts = TaskStatus.allCases.map { Count(status: $0.rawValue, count: tasks.counts[$0.rawValue] ?? 0, href: "/tasks?status=\($0.rawValue)") }
        agents = try await service.personas().compactMap { view in
            view.status.map { status in
                Agent(
                    id: view.persona.id,
                    name: view.persona.name,
                    role: view.persona.role,
                    status: status.status,
                    taskHref: status.currentTask.map(Format.taskPath),
                    taskShort: status.currentTask.map(Format.shortID) ?? "",
                    jobHref: status.currentJob.map { Format.jobRow($0) },
                    jobShort: status.currentJob.map(Format.shortID) ?? "",
                    queued: status.queued
                )
            }
        }
        recent = tasks.tasks.map(TaskRow.init)
        hasRecent = !recent.isEmpty
        // Read past the lines shown: a job's progress folds into one line.
        let events = try await service.timeline(type: nil, agent: nil, limit: Self.feedLength * 5).events
        feed = FeedItem.feed(events, length: Self.feedLength)
        newestEvent = String(events.first?.id ?? 0)
        self.draft = draft
        self.formError = formError
    }
}
