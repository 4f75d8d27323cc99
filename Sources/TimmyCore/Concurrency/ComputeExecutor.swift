import Dispatch

/// Where long computation runs: threads of their own instead of Swift's cooperative pool, which has one
/// thread per core. A sketch render computes for up to seconds between suspension points; on the
/// cooperative pool two of them would hold every HTTP handler, event stream, auction and process pipe
/// until they yield. Here the kernel shares the cores between them and the rest of Timmy.
public final class ComputeExecutor: TaskExecutor {
    /// One for the process: every runtime's jobs and renders share its threads.
    public static let shared = ComputeExecutor()

    private let queue = DispatchQueue(label: "timmy.compute", qos: .userInitiated, attributes: .concurrent)

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// Runs `work`, and what it starts without an executor of its own, on these threads.
    public static func run<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(shared, operation: work)
    }
}
