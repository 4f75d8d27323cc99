import Dispatch
import Foundation
import Testing
import TimmyAPI

@testable import TimmySwarm

@Suite("Creative jobs run on threads of their own")
struct JobExecutorTests {
    /// Jobs that hold their threads without suspending, more of them than the machine has cores, are released
    /// only by a plain task. On Swift's cooperative pool (one thread per core) that task could not start until
    /// they gave up; on the job executor it runs at once. The wait is long, so only a stalled task fails it.
    @Test("jobs that compute without suspending leave the cooperative pool free for the rest of Timmy")
    func cooperativePoolStaysFree() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount + 1
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let jobs = (0..<count).map { _ in
            Task(executorPreference: JobExecutor.shared) { () -> Bool in
                started.signal()
                return release.wait(timeout: .now() + 30) == .success
            }
        }
        for _ in 0..<count { await Task.detached { started.wait() }.value }
        let releaser = Task.detached { for _ in 0..<count { release.signal() } }
        await releaser.value
        for job in jobs { #expect(await job.value, "a job's thread was held until its wait timed out") }
    }
}
