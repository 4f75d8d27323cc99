import Dispatch
import Foundation
import Testing
import TimmyCore

@Suite("Long computation runs on threads of its own")
struct ComputeExecutorTests {
    /// As many jobs as the machine has cores (each a creative job, say) hold their threads without suspending, and only a plain task can
    /// release them. Had they run on the cooperative pool (one thread per core), that task could not start
    /// until they gave up; on the compute executor it runs at once. (The executor itself runs one job per core
    /// across the whole process, so the count is not higher.) Nothing here blocks a pool thread, so a busy
    /// suite beside it cannot stall it either; the waits are long, so only a held pool fails it.
    @Test("jobs that compute without suspending leave the cooperative pool free for the rest of Timmy")
    func cooperativePoolStaysFree() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let jobs = (0..<count).map { _ in
            Task(executorPreference: ComputeExecutor.shared) { () -> Bool in
                started.signal()
                return release.wait(timeout: .now() + 60) == .success
            }
        }
        var seen = 0
        let deadline = ContinuousClock.now + .seconds(60)
        while seen < count, ContinuousClock.now < deadline {
            if started.wait(timeout: .now()) == .success { seen += 1 } else { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(seen == count, "only \(seen) of \(count) jobs started")
        await Task { for _ in 0..<count { release.signal() } }.value
        for job in jobs { #expect(await job.value, "a job's thread was held until its wait timed out") }
    }
}
