import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("Creative JSON API and media on a real loopback server")
struct CreativeAPITests {
    @Test("running a creative tool answers 202 with a job; jobs, assets and the job's event stream follow it")
    func jobsAndAssets() async throws {
        try await withStopping(try await LiveServer()) { server in
            let started = try await server.json(
                "POST", "/api/tools/generate_image/run",
                ["persona": "pixel", "arguments": ["prompt": "a harbour at dawn", "width": 256, "height": 256]])
            #expect(started.status == 202)
            let id = try #require(started.value["job"]?["job"]?["id"]?.stringValue)
            let stream = try await server.request("GET", "/api/jobs/\(id)/events")
            let text = String(decoding: stream.body, as: UTF8.self)
            #expect(stream.status == 200 && text.hasPrefix("event: job\ndata: {") && text.contains(#""status":"done""#))
            let (status, detail) = try await server.json("GET", "/api/jobs/\(id)")
            #expect(status == 200 && detail["job"]?["status"] == "done")
            let url = try #require(detail["assets"]?[0]?["url"]?.stringValue)
            let (listStatus, list) = try await server.json("GET", "/api/jobs?status=done")
            #expect(listStatus == 200 && list["counts"]?["done"] == 1)
            let (assetStatus, assets) = try await server.json("GET", "/api/assets?kind=image")
            #expect(assetStatus == 200 && assets["assets"]?[0]?["url"]?.stringValue == url)
            #expect(try await server.json("GET", "/api/assets?kind=audio").value["assets"] == .array([]))
            #expect(try await server.json("GET", "/api/assets?kind=sculpture").status == 422)
            #expect(try await server.json("GET", "/api/jobs?status=sleeping").status == 422)
            #expect(try await server.json("GET", "/api/jobs/no-such-job").status == 404)
            #expect(try await server.json("POST", "/api/jobs/\(id)/cancel").status == 409)
            #expect(try await server.json("POST", "/api/jobs/\(id)/retry").status == 409)
            let media = try await server.request("GET", url)
            #expect(media.status == 200 && media.body.prefix(4) == Data([0x89, 0x50, 0x4e, 0x47]))
        }
    }

    @Test("media is served with its content type and byte ranges, from the media folders only")
    func media() async throws {
        try await withStopping(try await LiveServer()) { server in
            let audio = try await server.test.job("generate_instrumental", as: "lyra", ["prompt": "a calm sea", "duration": 10, "genre": "ambient"])
            let url = try #require(audio.assets.first?.url)
            var request = URLRequest(url: URL(string: server.baseURL.absoluteString + url)!)
            request.setValue("bytes=100-199", forHTTPHeaderField: "Range")
            let (body, response) = try await URLSession.shared.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 206 && body.count == 100)
            #expect(http.value(forHTTPHeaderField: "Content-Range")?.hasPrefix("bytes 100-199/") == true)
            #expect(http.value(forHTTPHeaderField: "Content-Type") == "audio/wav")
            #expect(http.value(forHTTPHeaderField: "Accept-Ranges") == "bytes")
            let midi = try await server.request("GET", url.replacingOccurrences(of: ".wav", with: ".mid"))
            #expect(midi.status == 200 && midi.body.prefix(4) == Data("MThd".utf8))
            try server.test.folder.write("data/secret.txt", "not media")
            for path in [
                "/media/secret.txt", "/media/images/../secret.txt", "/media/music/%2e%2e/secret.txt", "/media/music/%2e%2e/timmy.sqlite",
                "/data/timmy.sqlite",
            ] {
                let answer = try await server.request("GET", path)
                #expect([400, 404].contains(answer.status), "\(path) answered \(answer.status)")
            }
        }
    }
}
