import TimmyAPI
import TimmyCore

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
    /// The job a `job_progress` event reports on: Mission Control shows one line per job, its newest.
    let job: String?
    /// The job's row on `/jobs`, for a job that belongs to no task.
    let jobHref: String?
    let jobShort: String
    let time: String
    let timestamp: String

    init(_ event: EventView) {
        id = event.id.map(String.init) ?? ""
        type = event.type
        label = EventSummary.label(event.type)
        agent = event.agent ?? ""
        summary = EventSummary.text(event)
        taskHref = event.taskId.map(Format.taskPath)
        taskShort = event.taskId.map(Format.shortID) ?? ""
        job = event.type == SparkEventType.jobProgress.rawValue ? event.data["job_id"]?.stringValue : nil
        jobHref = event.taskId == nil ? job.map { Format.jobRow($0) } : nil
        jobShort = job.map(Format.shortID) ?? ""
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
        job = nil
        jobHref = nil
        jobShort = ""
        time = ""
        timestamp = ""
    }

    static let blank = FeedItem()

    /// Feed lines from events, newest first: each job's newest event stands for all of its progress, so a
    /// render's ticks do not push everything else out; every other event is a line of its own.
    static func feed(_ events: [EventView], length: Int) -> [FeedItem] {
        var jobsShown = Set<String>()
        var lines: [FeedItem] = []
        for event in events where lines.count < length {
            let line = FeedItem(event)
            if let job = line.job, !jobsShown.insert(job).inserted { continue }
            lines.append(line)
        }
        return lines
    }
}
