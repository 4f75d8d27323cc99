import TimmyStore

/// Lets callers wait for a task to end. Recently finished tasks are remembered, so a caller that
/// checked the store just before the task ended still gets its final record.
actor CompletionWaiters {
    private var waiting: [String: [CheckedContinuation<TaskRecord, Never>]] = [:]
    private var recent: [String: TaskRecord] = [:]
    private var recentOrder: [String] = []
    private let memory = 8192

    func finished(_ task: TaskRecord) {
        recent[task.id] = task
        recentOrder.append(task.id)
        if recentOrder.count > memory {
            let dropped = recentOrder.prefix(recentOrder.count - memory)
            for id in dropped { recent[id] = nil }
            recentOrder.removeFirst(dropped.count)
        }
        for continuation in waiting.removeValue(forKey: task.id) ?? [] { continuation.resume(returning: task) }
    }

    func wait(for id: String) async -> TaskRecord {
        if let task = recent[id] { return task }
        return await withCheckedContinuation { waiting[id, default: []].append($0) }
    }
}
