import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyTestSupport

@testable import timmy

@Suite("The CLI's remote client follows work over the server's event stream")
struct RemoteFollowTests {
    @Test("a job started over the JSON API is followed over SSE to done, with its progress read from the stream")
    func followsAJob() async throws {
        try await withStopping(try await LiveServer()) { server in
            let remote = RemoteService(baseURL: server.baseURL, token: nil)
            let events = try await remote.events(after: nil)
            let started = try await remote.runTool(
                "generate_image", persona: "pixel", arguments: ["prompt": "a lighthouse at night", "width": 256, "height": 256, "seed": 3])
            let id = try #require(started.job?.job.id)

            let detail = try await JobFollower.follow(id, on: remote)
            #expect(detail.job.status == .done && detail.assets.count == 1 && detail.job.progress == 1)

            let seen = try await Self.progress(of: id, in: events)
            #expect(seen.count >= 2, "only \(seen.count) progress events came over the stream")
            #expect(seen.map(\.progress) == seen.map(\.progress).sorted() && seen.last?.progress == 1)
        }
    }

    /// The job's progress events read from the stream, up to the one that says it is done.
    private static func progress(
        of id: String, in events: AsyncThrowingStream<EventView, any Error>
    ) async throws -> [(progress: Double, status: String?)] {
        var seen: [(progress: Double, status: String?)] = []
        for try await event in events where event.type == SparkEventType.jobProgress.rawValue && event.data["job_id"]?.stringValue == id {
            seen.append((event.data["progress"]?.doubleValue ?? -1, event.data["status"]?.stringValue))
            if seen.last?.status == JobStatus.done.rawValue { break }
        }
        return seen
    }
}
