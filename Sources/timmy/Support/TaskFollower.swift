import TimmyAPI
import TimmyCore

/// Posts a task and follows the event stream until it ends, wherever the work happens.
enum TaskFollower {
    /// The task's final detail, once a `task_completed` or `task_failed` event for it arrives.
    static func post(_ description: String, on service: any TimmyService) async throws -> TaskDetail {
        // Subscribed before posting, so the task cannot end unseen.
        let events = try await service.events(after: nil)
        let posted = try await service.postTask(description, wait: false)
        let id = posted.task.id
        if posted.task.status.isTerminal { return posted }
        let endings: Set = [SparkEventType.taskCompleted.rawValue, SparkEventType.taskFailed.rawValue]
        for try await event in events where event.taskId == id && endings.contains(event.type) { break }
        return try await service.task(id)
    }
}
