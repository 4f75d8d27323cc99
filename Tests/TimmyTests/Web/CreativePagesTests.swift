import Foundation
import GRDB
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

@Suite("The Jobs and Gallery pages on a real loopback server")
struct CreativePagesTests {
    @Test("/jobs lists a finished job with its progress and no buttons; /gallery shows its image, labelled a sketch")
    func jobsAndGallery() async throws {
        try await withStopping(try await LiveServer()) { server in
            let done = try await server.test.job("generate_image", as: "pixel", ["prompt": "a harbour at dawn", "width": 256, "height": 256])
            let url = try #require(done.assets.first?.url)

            let jobs = try await server.send("GET", "/jobs")
            #expect(jobs.status == 200 && jobs.headers["content-type"] == "text/html; charset=utf-8")
            let row = try #require(Self.element(#"<tr id="job-\#(done.job.id)""#, closedBy: "</tr>", in: jobs.text))
            #expect(row.contains(#"data-job-status="done""#) && row.contains("generate_image") && row.contains("100%"))
            #expect(!row.contains("<form"), "a finished job that succeeded has nothing to cancel or retry")
            #expect(jobs.text.contains(#"href="/jobs?status=done">done <span class="filter-count">1</span>"#))
            #expect(try await server.send("GET", "/jobs?status=done").text.contains(#"href="/jobs?status=done" aria-current="page""#))
            #expect(try await server.send("GET", "/jobs?status=queued").text.contains("No jobs here yet."))

            let gallery = try await server.send("GET", "/gallery").text
            let card = try #require(Self.element(#"<li class="card asset" id="asset-\#(done.assets[0].id)""#, closedBy: "</li>", in: gallery))
            // The card shows the server's thumbnail, linking the full picture.
            #expect(card.contains(#"<a href="\#(url)"><img src="/previews/thumbnail/images/"#) && card.contains(#"width="256""#))
            #expect(card.contains("a harbour at dawn"))
            #expect(card.contains(#"<span class="tag tag-sketch">sketch</span>"#) && card.contains("256×256"))
            #expect(card.contains(#"href="/jobs#job-\#(done.job.id)""#))
            #expect(try await server.send("GET", "/gallery?kind=audio").text.contains("No audio yet."))

            let mission = try await server.send("GET", "/").text
            #expect(
                mission.components(separatedBy: #"data-job-line="\#(done.job.id)""#).count - 1 == 1, "one feed line for the job, not one per tick")
            let line = try #require(Self.element(#"data-job-line="\#(done.job.id)""#, closedBy: "</li>", in: mission))
            #expect(line.contains("generate_image job done") && line.contains(#"href="/jobs#job-\#(done.job.id)""#))
            let ticks = try await server.test.store.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events WHERE type = 'job_progress'") ?? 0
            }
            #expect(ticks > 2, "the job reported its progress more than once, so there was something to fold")
            #expect(try await server.send("GET", "/gallery?kind=sculpture").status == 422)
            #expect(try await server.send("GET", "/jobs?status=sleeping").status == 422)
        }
    }

    @Test("Cancel and Retry: 303 back to the page they were on, 409 once the job has moved on, 404 for no job, 403 without the token")
    func cancelAndRetryForms() async throws {
        try await withStopping(try await LiveServer(settings: [(Setting.sketchConcurrency, "1")])) { server in
            let runtime = server.test.runtime
            let long = try #require(
                try await runtime.runTool(
                    "generate_video_clip",
                    persona: "reel",
                    arguments: ["prompt": "a long slow pan", "duration": 10, "fps": 60, "resolution": "720p"]
                ).job?.job
            )
            let image = try #require(
                try await runtime.runTool("generate_image", persona: "pixel", arguments: ["prompt": "a field", "width": 256, "height": 256]).job?.job
            )
            let queuedPage = try await server.send("GET", "/jobs?status=queued").text
            #expect(queuedPage.contains(#"action="/jobs/\#(image.id)/cancel""#))

            let form = try await FormSession(server, path: "/jobs")
            #expect(
                try await server.send("POST", "/jobs/\(image.id)/cancel", body: FormSession.encode([:]), headers: FormSession.formHeaders).status
                    == 403
            )
            #expect(try await runtime.job(image.id).job.status == .queued, "a refused form changes nothing")

            let cancelled = try await form.post("/jobs/\(image.id)/cancel", ["back": "/jobs?status=queued"])
            #expect(cancelled.status == 303 && cancelled.headers["location"] == "/jobs?status=queued#job-\(image.id)")
            #expect(try await runtime.job(image.id).job.status == .cancelled)
            let again = try await form.post("/jobs/\(image.id)/cancel", ["back": "/jobs"])
            #expect(again.status == 409 && again.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(try await form.post("/jobs/no-such-job/retry", [:]).status == 404)

            let retried = try await form.post("/jobs/\(image.id)/retry", ["back": "//evil.example/"])
            #expect(retried.status == 303 && retried.headers["location"] == "/jobs#job-\(image.id)", "another site is never a destination")
            #expect(try await runtime.job(image.id).job.status != .cancelled)
            _ = try await runtime.cancelJob(image.id)
            let split = try await form.post("/jobs/\(image.id)/retry", ["back": "/jobs\r\nSet-Cookie: stolen=1"])
            #expect(split.status == 303 && split.headers["location"] == "/jobs#job-\(image.id)" && split.headers["set-cookie"] == nil)
            _ = try await runtime.cancelJob(long.id)
            #expect(try await runtime.jobs.wait(for: image.id).status == .done)
        }
    }

    /// The text from `start` to the first `end` after it.
    private static func element(_ start: String, closedBy end: String, in html: String) -> String? {
        guard let open = html.range(of: start), let close = html.range(of: end, range: open.upperBound..<html.endIndex) else { return nil }
        return String(html[open.lowerBound..<close.upperBound])
    }
}
