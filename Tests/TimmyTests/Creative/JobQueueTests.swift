import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

@Suite("The persistent job queue")
struct JobQueueTests {
    /// A clip long enough to be caught running: 600 frames of 720p.
    static let longClip: [String: JSONValue] = ["prompt": "a long slow pan over hills", "duration": 10, "fps": 60, "resolution": "720p"]

    @Test("a running job is cancelled: its processes stop, no asset or file is left, and the call is recorded as cancelled")
    func cancelRunning() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let job = try #require(try await test.runtime.runTool("generate_video_clip", persona: "reel", arguments: Self.longClip).job?.job)
            try await Self.waitUntil(test, job.id) { $0.status == .running && $0.progress > 0.1 }
            let cancelled = try await test.runtime.cancelJob(job.id)
            #expect(cancelled.job.status == .cancelled)
            let finished = try await test.runtime.jobs.wait(for: job.id)
            #expect(finished.status == .cancelled && finished.error == "cancelled on request")
            // The runner winds down after the cancellation: it records the call, then clears the scratch folder.
            let scratch = test.folder.file("data/jobs/\(job.id)").path
            var calls: [ToolCallRecord] = []
            for _ in 0..<200 where calls.isEmpty || FileManager.default.fileExists(atPath: scratch) {
                try await Task.sleep(for: .milliseconds(50))
                calls = try await test.store.toolCalls(tool: "generate_video_clip")
            }
            #expect(calls.count == 1 && calls[0].success == false && calls[0].error == "cancelled on request")
            #expect(!FileManager.default.fileExists(atPath: scratch))
            #expect(test.mediaFiles("video").isEmpty)
            #expect(try await test.store.assets().isEmpty)
            await #expect(throws: ServiceError.self) { try await test.runtime.cancelJob(job.id) }
        }
    }

    @Test("one sketch job at a time when so configured: the second waits queued, can be cancelled before it starts, and retried")
    func queuedCancelAndRetry() async throws {
        try await withStopping(try await TestRuntime(settings: [(Setting.sketchConcurrency, "1")])) { test in
            let long = try #require(try await test.runtime.runTool("generate_video_clip", persona: "reel", arguments: Self.longClip).job?.job)
            let image = try #require(
                try await test.runtime.runTool("generate_image", persona: "pixel", arguments: ["prompt": "a field", "width": 256, "height": 256]).job?
                    .job
            )
            try await Self.waitUntil(test, long.id) { $0.status == .running }
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await test.runtime.job(image.id).job.status == .queued)
            let cancelled = try await test.runtime.cancelJob(image.id)
            #expect(cancelled.job.status == .cancelled && cancelled.job.attempts == 0 && cancelled.job.startedAt == nil)
            _ = try await test.runtime.cancelJob(long.id)
            _ = try await test.runtime.jobs.wait(for: long.id)
            let retried = try await test.runtime.retryJob(image.id)
            #expect(retried.job.status == .queued || retried.job.status == .running)
            let done = try await test.runtime.jobs.wait(for: image.id)
            #expect(done.status == .done && done.attempts == 1)
            #expect(try await test.runtime.job(image.id).assets.count == 1)
            let list = try await test.runtime.jobs(status: nil, limit: 10)
            #expect(list.counts["done"] == 1 && list.counts["cancelled"] == 1 && list.jobs.count == 2)
        }
    }

    @Test("a job retried the moment it is cancelled runs again to the end; the stopped attempt never ends the new one")
    func retryWhileStopping() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let clip: [String: JSONValue] = ["prompt": "a quick pan", "duration": 2, "fps": 30, "resolution": "720p", "seed": 3]
            let job = try #require(try await test.runtime.runTool("generate_video_clip", persona: "reel", arguments: clip).job?.job)
            try await Self.waitUntil(test, job.id) { $0.status == .running && $0.progress > 0.1 }
            _ = try await test.runtime.cancelJob(job.id)
            _ = try await test.runtime.retryJob(job.id)
            try await Self.waitUntil(test, job.id) { $0.status == .done }
            let detail = try await test.runtime.job(job.id)
            #expect(detail.job.attempts == 2 && detail.assets.count == 1)
            var calls: [ToolCallRecord] = []
            for _ in 0..<100 where calls.count < 2 {
                calls = try await test.store.toolCalls(tool: "generate_video_clip")
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(calls.map(\.success).sorted { !$0 && $1 } == [false, true])
        }
    }

    @Test("progress is published on the event stream as the job runs, rising to done")
    func progressEvents() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let detail = try await test.job("generate_instrumental", as: "lyra", ["prompt": "rain", "genre": "lo-fi", "duration": 12, "seed": 1])
            #expect(detail.job.status == .done)
            let events = try await test.store.events(type: "job_progress", limit: 1000).reversed().filter {
                $0.data["job_id"]?.stringValue == detail.job.id
            }
            let fractions = events.compactMap { $0.data["progress"]?.doubleValue }
            #expect(events.count >= 4 && fractions == fractions.sorted() && fractions.last == 1)
            let messages = Set(events.compactMap { $0.data["message"]?.stringValue })
            #expect(messages.isSuperset(of: ["queued", "arranging", "done"]))
        }
    }

    static func waitUntil(_ test: TestRuntime, _ id: String, timeout: Duration = Patience.wait, _ condition: (JobView) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition(try await test.runtime.job(id).job) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("job \(id) never reached the expected state")
    }
}
