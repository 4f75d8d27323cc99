/// Where a queued tool call is: queued → running → done | failed | cancelled; a restart turns
/// `running` into `interrupted`. Failed, cancelled and interrupted jobs can be retried.
public enum JobStatus: String, Sendable, Codable, CaseIterable {
    case queued, running, done, failed, cancelled, interrupted

    /// The job will not change again unless retried.
    public var isFinished: Bool { self != .queued && self != .running }

    /// States a job may be retried from.
    public static let retryable: [JobStatus] = [.failed, .cancelled, .interrupted]
}
