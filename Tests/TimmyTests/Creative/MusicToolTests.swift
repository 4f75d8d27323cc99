import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyStore
import TimmySwarm
import TimmyTestSupport

@Suite("Lyra's music tools on the sketch backend")
struct MusicToolTests {
    static let lyrics = """
        Rain on the window, lights in the street
        I walk through the city with tired feet

        Oh the rain, the rain, it falls on me
        Washing the night into the sea
        """

    @Test("a song, an instrumental and the vocal stem: durations within 2%, not silent, vocals measured in the song and not in the instrumental")
    func songInstrumentalVocals() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let song = try await test.job(
                "generate_song", as: "lyra", ["lyrics": .string(Self.lyrics), "genre": "pop", "duration": 20, "seed": 9, "title": "Streetlights"])
            let instrumental = try await test.job(
                "generate_instrumental", as: "lyra", ["prompt": "rain in the city", "genre": "pop", "duration": 20, "seed": 9])
            let vocals = try await test.job(
                "generate_vocals", as: "lyra", ["lyrics": .string(Self.lyrics), "style": "pop", "duration": 20, "seed": 9])
            var samples: [String: [Float]] = [:]
            for (name, detail) in [("song", song), ("instrumental", instrumental), ("vocals", vocals)] {
                #expect(detail.job.status == .done, "\(name): \(detail.job.error ?? "")")
                let asset = try #require(detail.assets.first)
                let file = URL(fileURLWithPath: asset.path)
                #expect(abs(try MediaProbe.audioDuration(file) - 20) <= 0.4, "\(name) duration")
                #expect(try MediaProbe.rms(file) > 0.03, "\(name) is not silent")
                #expect(
                    FileManager.default.fileExists(atPath: file.deletingPathExtension().appendingPathExtension("mid").path),
                    "\(name) keeps its MIDI file"
                )
                #expect(asset.kind == .audio && asset.duration == 20 && asset.url == "/media/music/\(asset.id).wav")
                samples[name] = try MediaProbe.monoSamples(file)
            }
            let inSong = MediaProbe.correlation(try #require(samples["song"]), try #require(samples["vocals"]))
            let inInstrumental = MediaProbe.correlation(try #require(samples["instrumental"]), try #require(samples["vocals"]))
            #expect(inSong > 0.25, "the vocal stem is in the song (correlation \(inSong))")
            #expect(abs(inInstrumental) < 0.08, "the vocal stem is not in the instrumental (correlation \(inInstrumental))")
            let sidecar = try ImageToolTests.sidecar(try #require(song.assets.first))
            #expect(sidecar["lyrics"] == .string(Self.lyrics) && sidecar["title"] == "Streetlights" && sidecar["duration"] == 20)
            #expect(sidecar["parameters"]?["tempo"] == 116 && sidecar["parameters"]?["language"] == "en" && sidecar["seed"] == 9)
            #expect(sidecar["details"]?["vocals"]?["lines_sung"]?.intValue ?? 0 >= 2)
            #expect(try ImageToolTests.sidecar(try #require(instrumental.assets.first))["details"]?["vocals"] == nil)
        }
    }

    @Test("a song in Spanish at a given tempo, and list_genres naming nineteen genres and nineteen languages")
    func languagesAndGenres() async throws {
        try await withStopping(try await TestRuntime()) { test in
            let song = try await test.job(
                "generate_song", as: "lyra",
                ["lyrics": "la lluvia cae sobre la ciudad\ny canto solo", "genre": "rock", "duration": 12, "language": "es", "tempo": 140])
            #expect(song.job.status == .done)
            let asset = try #require(song.assets.first)
            #expect(abs(try MediaProbe.audioDuration(URL(fileURLWithPath: asset.path)) - 12) <= 0.24)
            #expect(try ImageToolTests.sidecar(asset)["details"]?["vocals"]?["voice"]?.stringValue?.hasPrefix("es+") == true)
            let listing = try await test.runtime.runTool("list_genres", persona: "lyra", arguments: [:])
            guard case .array(let genres)? = listing.result?.data["genres"], case .array(let languages)? = listing.result?.data["languages"] else {
                Issue.record("no listing")
                return
            }
            #expect(genres.count == 19 && languages.count == 19)
            #expect(genres.contains { $0["name"] == "lo-fi" && $0["tempo_min"] == 70 })
        }
    }
}
