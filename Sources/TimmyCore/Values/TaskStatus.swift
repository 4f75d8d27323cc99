import Foundation

/// Where a task is in its life: pending → bidding → assigned → running → completed | failed.
public enum TaskStatus: String, Sendable, Codable, CaseIterable {
    case pending, bidding, assigned, running, completed, failed

    /// Completed and failed tasks never change again.
    public var isTerminal: Bool { self == .completed || self == .failed }

    /// States a crash can leave a task in; recovery fails them.
    public static let inFlight: [TaskStatus] = [.pending, .bidding, .assigned, .running]
}

/// The kinds of event Spark records, one per thing that happened.
public enum SparkEventType: String, Sendable, Codable, CaseIterable {
    case taskPosted = "task_posted"
    case bidSubmitted = "bid_submitted"
    case taskAssigned = "task_assigned"
    case taskStarted = "task_started"
    case taskCompleted = "task_completed"
    case taskFailed = "task_failed"
    case toolExecuted = "tool_executed"
    case creativeStep = "creative_step"
    /// A job was queued, started, advanced, or ended; `data.status` says which.
    case jobProgress = "job_progress"
    /// A language model answered (or failed to): model, duration and tokens in `data`.
    case modelCall = "model_call"

    /// How much the event matters when reading a timeline, 0 to 1.
    public var importance: Double {
        switch self {
        case .jobProgress: 0.1
        case .bidSubmitted, .modelCall: 0.2
        case .taskPosted, .taskStarted: 0.4
        case .taskAssigned, .toolExecuted, .creativeStep: 0.5
        case .taskCompleted: 0.7
        case .taskFailed: 0.9
        }
    }
}

/// The limits a task description must respect at every entry point.
public enum TaskDescriptionRule {
    public static let maxCharacters = 10_000

    /// Returns the trimmed description, or a message naming the field and the fix.
    public static func validate(_ description: String) -> Result<String, TaskInputError> {
        let trimmed = description.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .failure(.emptyDescription) }
        if trimmed.count > maxCharacters { return .failure(.descriptionTooLong(trimmed.count)) }
        if let problem = ControlCharacters.problem(in: trimmed) { return .failure(.controlCharacter(problem)) }
        return .success(trimmed)
    }
}

/// Why a posted task was refused before anything was stored.
public enum TaskInputError: Error, Equatable, CustomStringConvertible {
    case emptyDescription
    case descriptionTooLong(Int)
    /// What `ControlCharacters` found.
    case controlCharacter(String)

    public var field: String { "description" }

    public var description: String {
        switch self {
        case .emptyDescription: "description must not be empty: say what the swarm should do"
        case .descriptionTooLong(let count):
            "description must be at most \(TaskDescriptionRule.maxCharacters) characters, got \(count); shorten it or put the material in a workspace file"
        case .controlCharacter(let problem): "description \(problem); remove it and post again"
        }
    }
}
