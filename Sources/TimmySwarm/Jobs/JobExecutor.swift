import Dispatch

/// Where creative jobs run: threads of their own instead of Swift's cooperative pool, which has one
/// thread per core. A sketch render computes for up to seconds between suspension points; on the
/// cooperative pool two of them would hold every HTTP handler, event stream and auction until they
/// yield. Here the kernel shares the cores between them and the rest of Timmy. (Spelled with its
/// module because this one's `TaskExecutor` runs the swarm's tasks.)
final class JobExecutor: _Concurrency.TaskExecutor {
    /// One for the process: jobs of every runtime share its threads.
    static let shared = JobExecutor()

    private let queue = DispatchQueue(label: "timmy.jobs", qos: .userInitiated, attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
