import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyCreativeBackend
import TimmyDirector
import TimmyLLM

/// The Director's pure parts: the template, the options, script files, the cut plan and the lyric times.
@Suite("Director scripts and plans")
struct DirectorScriptTests {
    static let settings = Settings(baseDirectory: URL(fileURLWithPath: "/tmp"))

    @Test("the template gives a valid script of at least 12 scenes for 180 s, about the prompt's subject, in shots of at most 8 s")
    func template() throws {
        let script = ScriptTemplate.script(
            prompt: "A 3-minute music video about a sunrise over mountains", title: nil, genre: Genre.named("pop")!, style: "cinematic", duration: 180
        )
        #expect(script.scenes.count >= 12)
        #expect(script.title == "Sunrise Over Mountains")
        #expect(script.scenes.allSatisfy { $0.description.contains("a sunrise over mountains") })
        #expect(script.scenes.flatMap(\.shots).allSatisfy { $0.seconds <= 8 && $0.seconds >= 1 })
        #expect(abs(script.seconds - 180) < 1)
        #expect(script.lyrics.count >= 12 && Set(script.lyrics.compactMap(\.section)) == ["verse", "chorus", "bridge"])
        #expect(try DirectorScript.validated(script.json) == script)
        let short = ScriptTemplate.script(prompt: "rain", title: "Rain", genre: Genre.named("lo-fi")!, style: "vlog", duration: 30)
        #expect(short.scenes.count == 3 && short.title == "Rain")
        #expect(short.scenes[0].shots[0].description.hasPrefix("handheld"))
    }

    @Test("the template's script passes its own validation at every duration a project takes, 30 to 900 s")
    func templateAcrossDurations() throws {
        for duration in stride(from: ProjectRules.durations.lowerBound, through: ProjectRules.durations.upperBound, by: 30) {
            let script = ScriptTemplate.script(prompt: "rain", title: nil, genre: Genre.named("pop")!, style: "cinematic", duration: duration)
            #expect(throws: Never.self, "\(duration) s") { try DirectorScript.validated(script.json) }
            #expect(abs(script.seconds - duration) < 1, "\(duration) s")
        }
    }

    @Test("options: defaults from the prompt and settings; each bad value refused naming its field")
    func options() throws {
        let options = try ProjectOptions.validated(CreateProjectRequest(prompt: "a 2-minute rock music video about trains"), settings: Self.settings)
        #expect(options.duration == 120 && options.genre.name == "rock" && options.style == "cinematic" && options.resolution.name == "480p")
        #expect(try ProjectOptions.validated(CreateProjectRequest(prompt: "a rock on a beach"), settings: Self.settings).genre.name == "pop")
        let bad: [(CreateProjectRequest, String)] = [
            (CreateProjectRequest(prompt: " "), "prompt"), (CreateProjectRequest(prompt: "x", duration: 29), "duration"),
            (CreateProjectRequest(prompt: "x", duration: 901), "duration"), (CreateProjectRequest(prompt: "x", genre: "polka"), "genre"),
            (CreateProjectRequest(prompt: "x", style: "noir"), "style"), (CreateProjectRequest(prompt: "x", resolution: "4k"), "resolution"),
            (CreateProjectRequest(prompt: "x", backend: "cloud"), "backend"), (CreateProjectRequest(prompt: "x", pauseAfter: "music"), "pauseAfter"),
            (CreateProjectRequest(prompt: "x", title: String(repeating: "t", count: 121)), "title"),
        ]
        for (request, field) in bad {
            let error = #expect(throws: DirectorError.self) { try ProjectOptions.validated(request, settings: Self.settings) }
            guard case .invalid(let named, let message)? = error else {
                Issue.record("\(String(describing: error))")
                continue
            }
            #expect(named == field, "\(message)")
        }
    }

    @Test("a YAML script file becomes the script; a malformed one is refused with its line and field")
    func scriptFiles() throws {
        let yaml = """
            title: "Harbour: 100% \\"rain\\""
            scenes:
              - title: Dawn
                description: boats in grey light at dawn
                shots:
                  - {description: slow zoom in, seconds: 6}
              - title: Storm
                description: rain on the water
                shots:
                  - description: pan left
                    seconds: 8
            lyrics:
              - {time: 1.5, text: "grey light", section: verse}
            credits: "Made by us"
            """
        let script = try ScriptFile.script(yaml, name: "s.yaml")
        #expect(script.title == "Harbour: 100% \"rain\"" && script.scenes.count == 2 && script.credits == "Made by us")
        #expect(script.lyrics == [DirectorScript.Line(time: 1.5, text: "grey light", section: "verse")])
        let broken = yaml.replacingOccurrences(of: "seconds: 8", with: "seconds: 45")
        #expect(
            throws: DirectorError.invalid(
                field: "script.scenes[1].shots[0].seconds",
                message: "s.yaml: line 11: scenes[1].shots[0].seconds must be a number of seconds from 1 to 30")
        ) {
            try ScriptFile.script(broken, name: "s.yaml")
        }
        let json = #"{"title": "T", "scenes": [{"title": "a", "description": "b", "shots": [{"description": "c", "seconds": "six"}]}], "lyrics": []}"#
        #expect(
            throws: DirectorError.invalid(
                field: "script.scenes[0].shots[0].seconds",
                message: "s.json: line 1: scenes[0].shots[0].seconds must be a number of seconds from 1 to 30")
        ) {
            try ScriptFile.script(json, name: "s.json")
        }
        let unreadable = #expect(throws: DirectorError.self) { try ScriptFile.script("title: [unclosed\nscenes: 3", name: "bad.yaml") }
        guard case .invalid(let field, let message)? = unreadable else { return }
        #expect(field == "script" && message.contains("bad.yaml: line "))
    }

    @Test("the cut plan: cuts on the beat grid, clips of 1–10 s whose lengths less their overlaps fill the body to the frame")
    func cutPlan() throws {
        let script = ScriptTemplate.script(prompt: "a sunrise", title: nil, genre: Genre.named("pop")!, style: "cinematic", duration: 180)
        let plan = CutPlan(script: script, body: 4...175, tempo: 116, transition: 1, fps: 24)
        #expect(plan.clips.count >= 12)
        #expect(plan.clips.reduce(0) { $0 + $1.frames } - 24 * (plan.clips.count - 1) == (175 - 4) * 24)
        #expect(plan.clips.indices.allSatisfy { (1...10).contains(plan.seconds($0)) })
        let beat = 60.0 / 116 * 24
        for cut in plan.cuts {
            let beats = Double(cut) / beat
            #expect(abs(beats - beats.rounded()) * beat <= 0.51, "cut at frame \(cut) is off the beat")
        }
        #expect(Set(plan.clips.map(\.scene)) == Set(1...script.scenes.count))
        for (index, clip) in plan.clips.enumerated().dropFirst() {
            #expect(clip.startFrame == plan.cuts[index - 1] - 12)
        }
        // Shots too short for a clip join their neighbour; one too long is split.
        let odd = DirectorScript(
            title: "odd",
            scenes: [.init(title: "a", description: "a", shots: [.init(description: "x", seconds: 1), .init(description: "y", seconds: 28)])],
            lyrics: [])
        let oddPlan = CutPlan(script: odd, body: 2...31, tempo: 90, transition: 1, fps: 24)
        #expect(oddPlan.clips.indices.allSatisfy { (1...10).contains(oddPlan.seconds($0)) })
        #expect(oddPlan.clips.reduce(0) { $0 + $1.frames } - 24 * (oddPlan.clips.count - 1) == 29 * 24)
    }

    @Test("the planner's rule sends a music video to the Director with the whole request, and leaves a plain video to Reel's clip tool")
    func planRule() {
        let plan = DirectorPlanRules.rules.lazy.compactMap { $0.apply("Make a 3-minute music video about a sunrise over mountains") }.first
        #expect(
            plan == [PlannedCall(tool: "create_music_video", arguments: ["prompt": "Make a 3-minute music video about a sunrise over mountains"])])
        #expect(DirectorPlanRules.rules.compactMap { $0.apply("a rock music video about trains.") }.first?.first?.tool == "create_music_video")
        #expect(DirectorPlanRules.rules.compactMap { $0.apply("make a video about trains") }.isEmpty)
    }
}
