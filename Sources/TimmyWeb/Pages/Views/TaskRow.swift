import TimmyAPI
import TimmyCore

/// A task as one row of a list.
struct TaskRow {
    let href: String
    let description: String
    let status: String
    let winner: String?
    let bid: String?
    let time: String
    let timestamp: String

    init(_ task: TaskView) {
        href = Format.taskPath(task.id)
        description = Format.clip(task.description, 140)
        status = task.status.rawValue
        winner = task.winner.map(Format.name)
        bid = task.winningBid.map(Format.sats)
        time = Format.dateTime(task.createdAt)
        timestamp = Format.iso(task.createdAt)
    }
}
