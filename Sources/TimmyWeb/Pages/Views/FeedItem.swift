import TimmyStore

/// An event as one line of a feed (Mission Control's live feed, Spark's timeline).
struct FeedItem: Sendable {
    let id: String
    let type: String
    let label: String
    let agent: String
    let summary: String
    /// The task's page, when the event belongs to a task.
    let taskHref: String?
    let taskShort: String
    let time: String
    let timestamp: String

    init(_ event: EventRecord) {
        id = event.id.map(String.init) ?? ""
        type = event.type
        label = EventSummary.label(event.type)
        agent = event.agent ?? ""
        summary = EventSummary.text(event)
        taskHref = event.taskId.map { "/tasks/\($0)" }
        taskShort = event.taskId.map(Format.shortID) ?? ""
        time = Format.time(event.createdAt)
        timestamp = Format.iso(event.createdAt)
    }

    /// An empty line with every slot present: the page script clones it for events that arrive live.
    private init() {
        id = ""
        type = ""
        label = ""
        agent = ""
        summary = ""
        taskHref = "#"
        taskShort = ""
        time = ""
        timestamp = ""
    }

    static let blank = FeedItem()
}
