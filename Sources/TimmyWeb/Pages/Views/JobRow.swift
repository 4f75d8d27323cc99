import TimmyAPI
import TimmyCore

/// A job as one row of the queue: what it runs, how far it got, and what can be done with it.
struct JobRow {
    /// A button that changes the job: a form posted to `href`.
    struct Action {
        let label: String
        let href: String
    }

    let id: String
    let shortID: String
    let tool: String
    let persona: String
    let backend: String
    let status: String
    /// 0–1, for the progress bar; `percent` is the same as text.
    let progress: Double
    let percent: String
    let message: String
    /// What the result says, once done.
    let summary: String?
    let error: String?
    let attempts: Int
    let time: String
    let timestamp: String
    let taskHref: String?
    let taskShort: String
    /// Cancel while queued or running; Retry once failed, cancelled or interrupted.
    let actions: [Action]

    init(_ job: JobView) {
        id = job.id
        shortID = Format.shortID(job.id)
        tool = job.tool
        persona = Format.name(of: job.persona)
        backend = job.backend
        status = job.status.rawValue
        progress = job.progress
        percent = Format.percent(job.progress)
        message = job.message
        summary = job.result?["summary"]?.stringValue
        // A cancelled job's error only repeats its status.
        error = job.status == .cancelled ? nil : job.error
        attempts = job.attempts
        time = Format.dateTime(job.createdAt)
        timestamp = Format.iso(job.createdAt)
        taskHref = job.taskId.map(Format.taskPath)
        taskShort = job.taskId.map(Format.shortID) ?? ""
        actions =
            if !job.status.isFinished {
                [Action(label: "Cancel", href: "/jobs/\(job.id)/cancel")]
            } else if JobStatus.retryable.contains(job.status) {
                [Action(label: "Retry", href: "/jobs/\(job.id)/retry")]
            } else {
                []
            }
    }
}
