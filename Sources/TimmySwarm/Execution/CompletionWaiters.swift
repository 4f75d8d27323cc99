import TimmyStore

/// Lets callers wait for a task to end. It knows the tasks this process is working on, so a wait
/// needs no store read, and remembers recently finished ones, so a caller that checked the store
/// just before a task ended still gets its final record.
actor CompletionWaiters {
    private var live: Set<String> = []
    private var waiting: [String: [CheckedContinuation<TaskRecord, Never>]] = [:]
    private var recent: [String: TaskRecord] = [:]
    private var recentOrder: [String] = []
    private let memory = 8192

    /// Marks a task as being worked on by this process.
    func started(_ id: String) { live.insert(id) }

    func finished(_ task: TaskRecord) {
        live.remove(task.id)
        recent[task.id] = task
        recentOrder.append(task.id)
        if recentOrder.count > memory {
            let dropped = recentOrder.prefix(recentOrder.count - memory)
            for id in dropped { recent[id] = nil }
            recentOrder.removeFirst(dropped.count)
        }
        for continuation in waiting.removeValue(forKey: task.id) ?? [] { continuation.resume(returning: task) }
    }

    /// The task's final record, waiting for it when the task is live here; nil for a task this
    /// process neither runs nor recently finished.
    func waitIfKnown(_ id: String) async -> TaskRecord? {
        if let task = recent[id] { return task }
        guard live.contains(id) else { return nil }
        return await withCheckedContinuation { waiting[id, default: []].append($0) }
    }
}
