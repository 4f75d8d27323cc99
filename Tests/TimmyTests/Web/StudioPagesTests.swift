import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyCreativeBackend
import TimmyTestSupport

@Suite("The Creative Studio's pages and previews on a real loopback server")
struct StudioPagesTests {
    @Test("each tab is its own page, listed in the navigation, with forms built from the tools' declarations")
    func tabs() async throws {
        try await withStopping(try await LiveServer()) { server in
            let images = try await server.send("GET", "/creative/ui")
            #expect(images.status == 200 && images.text.contains(#"<a href="/creative/ui/images" aria-current="page">Images</a>"#))
            #expect(
                images.text.contains(#"<a href="/creative/ui" aria-current="page">Studio</a>"#) && images.text.contains(#"href="/creative/projects""#)
            )
            #expect(images.text.contains(#"id="generate_image-width" name="width" type="number" value="1024" min="256" max="2048" step="16""#))
            let music = try await server.send("GET", "/creative/ui/music").text
            for genre in Genre.names {
                #expect(music.contains(#"<option value="\#(genre.replacingOccurrences(of: "&", with: "&amp;"))""#), "genre \(genre) is offered")
            }
            #expect(music.contains(#"id="generate_song-lyrics" name="lyrics""#) && music.contains(#"id="generate_song-tempo""#))
            let director = try await server.send("GET", "/creative/ui/director").text
            #expect(director.contains(#"id="project-duration" name="duration" type="number" value="" min="30" max="900""#))
            #expect(director.contains(#"<option value="script" selected>script</option>"#))
            #expect(try await server.send("GET", "/creative/ui/sound").status == 404)
            #expect(try await server.send("GET", "/creative/projects").text.contains("No projects here."))
            #expect(try await server.send("GET", "/creative/projects?status=lost").status == 422)
            #expect(try await server.send("GET", "/creative/projects?backend=cloud").status == 422)
            #expect(try await server.send("GET", "/creative/projects/no-such-project-000000").status == 404)
        }
    }

    @Test("a tool's form runs the tool: 303 to its tab, or the form again naming the field (422), and JSON with script")
    func forms() async throws {
        try await withStopping(try await LiveServer()) { server in
            let form = try await FormSession(server, path: "/creative/ui/images")
            let good = ["tool": "generate_image", "prompt": "a kite over a beach", "width": "256", "height": "256", "backend": "sketch"]
            let posted = try await form.post("/creative/ui/images", good)
            #expect(posted.status == 303 && posted.headers["location"]?.hasPrefix("/creative/ui/images#job-") == true)

            let blank = try await form.post("/creative/ui/images", good.merging(["prompt": "   "]) { $1 })
            #expect(blank.status == 422 && blank.text.contains(#"id="generate_image-prompt-error""#))
            #expect(blank.text.contains(#"value="256""#), "what was typed is kept")
            let wide = try await form.post("/creative/ui/images", good.merging(["width": "wide"]) { $1 })
            #expect(
                wide.status == 422 && wide.text.contains(#"id="generate_image-width-error""#) && wide.text.contains("width must be a whole number"))
            let stray = try await form.post("/creative/ui/images", good.merging(["tool": "generate_song"]) { $1 })
            #expect(stray.status == 422 && stray.text.contains("the Images tab runs generate_image or image_variations"))

            let json = try await form.post("/creative/ui/images", good.merging(["prompt": ""]) { $1 }, headers: ["Accept": "application/json"])
            #expect(json.status == 422 && json.text.contains(#""kind":"invalid""#) && json.text.contains("prompt"))
            let queued = try await form.post("/creative/ui/images", good, headers: ["Accept": "application/json"])
            #expect(queued.status == 202 && queued.text.contains(#""tool":"generate_image""#))
            let project = try await form.post("/creative/ui/director", ["prompt": " ", "duration": "30"], headers: ["Accept": "application/json"])
            #expect(project.status == 422 && project.text.contains(#""field":"prompt""#))
            let late = try await form.post("/creative/ui/director", ["prompt": "rain", "duration": "later"])
            #expect(late.status == 422 && late.text.contains(#"id="project-duration-error""#) && late.text.contains("duration must be a number"))
            #expect(try await form.post("/creative/ui/images", good, token: String(repeating: "0", count: 43)).status == 403)
        }
    }

    @Test("thumbnails and waveforms are made once, beside their file, again when it changes, and only for media files")
    func previews() async throws {
        try await withStopping(try await LiveServer()) { server in
            let image = try await server.test.job("generate_image", as: "pixel", ["prompt": "a harbour at dawn", "width": 512, "height": 512])
            let picture = try #require(image.assets.first)
            let name = URL(fileURLWithPath: picture.path).lastPathComponent
            let thumbnail = try await server.send("GET", "/previews/thumbnail/images/\(name)")
            #expect(thumbnail.status == 200 && thumbnail.headers["content-type"] == "image/jpeg" && thumbnail.body.starts(with: [0xFF, 0xD8]))
            let cached = picture.path + ".thumb.jpg"
            let made = try modified(cached)
            _ = try await server.send("GET", "/previews/thumbnail/images/\(name)")
            #expect(try modified(cached) == made, "a fresh preview is served as it is")
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: picture.path)
            _ = try await server.send("GET", "/previews/thumbnail/images/\(name)")
            #expect(try modified(cached) > made, "a file newer than its preview gets a new one")

            let song = try await server.test.job("generate_instrumental", as: "lyra", ["prompt": "rain", "duration": 10])
            let sound = URL(fileURLWithPath: try #require(song.assets.first).path).lastPathComponent
            let wave = try await server.send("GET", "/previews/waveform/music/\(sound)")
            #expect(wave.status == 200 && wave.headers["content-type"] == "image/png")
            // The PNG's header gives its size: 1200 × 120.
            #expect(wave.body.count > 24 && Array(wave.body[16..<24]) == [0, 0, 0x04, 0xB0, 0, 0, 0, 0x78])

            #expect(try await server.send("GET", "/previews/waveform/images/\(name)").status == 422)
            #expect([400, 404].contains(try await server.send("GET", "/previews/thumbnail/images/..%2F..%2Ftimmy.sqlite").status))
            #expect(try await server.send("GET", "/previews/thumbnail/images/no-such.png").status == 404)
            #expect(try await server.send("GET", "/previews/thumbnail/secrets/\(name)").status == 404)
            #expect(try await server.send("GET", "/previews/poster/images/\(name)").status == 404)
        }
    }

    @Test("a persona running a creative job shows busy on Mission Control, with its job")
    func busyWithAJob() async throws {
        try await withStopping(try await LiveServer()) { server in
            let long: [String: JSONValue] = ["prompt": "a slow pan over hills", "duration": 10, "fps": 60, "resolution": "720p", "backend": "sketch"]
            let (status, run) = try await server.json("POST", "/api/tools/generate_video_clip/run", ["persona": "reel", "arguments": .object(long)])
            #expect(status == 202)
            let job = try #require(run["job"]?["job"]?["id"]?.stringValue)
            var seen = false
            for _ in 0..<200 where !seen {
                let page = try await server.send("GET", "/").text
                seen = page.contains(#"<li class="agent agent-busy" data-agent="reel">"#) && page.contains(#"running <a href="/jobs#job-\#(job)">"#)
                if !seen { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(seen, "Reel shows busy with its job while it runs")
            _ = try await server.json("POST", "/api/jobs/\(job)/cancel")
        }
    }

    private func modified(_ path: String) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }
}
