import Foundation
import TimmyCore
import TimmyCreativeBackend

extension SketchBackend {
    public func music(_ request: MusicRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport {
        try await ComputeExecutor.run { try await makeMusic(request, to: file, progress: progress) }
    }

    private func makeMusic(_ request: MusicRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport {
        var clock = StageClock()
        try await progress(0.02, "arranging")
        let lyrics = request.kind == .instrumental ? nil : Lyrics(request.lyrics ?? "")
        let form = SongForm(duration: request.duration, tempo: request.tempo, lyrics: lyrics)
        let arranger = Arranger(
            genre: request.genre, tempo: request.tempo, form: form, seed: request.seed, sung: request.kind != .instrumental,
            minorWords: Self.mode(of: request.prompt ?? request.title ?? ""))
        let arrangement = arranger.arrange()
        let midi = file.deletingPathExtension().appendingPathExtension("mid")
        try Data(arrangement.midi.bytes).write(to: midi)
        clock.lap("arrange")
        var mix = AudioBuffer(frames: Int((request.duration * Double(AudioBuffer.sampleRate)).rounded()))
        if request.kind != .vocals {
            try await progress(0.1, "playing the arrangement with FluidSynth")
            var band = try await render(midi, next: file)
            band.level(to: 0.12)
            mix.add(band, gain: 1)
            clock.lap("fluidsynth")
        }
        var sung = 0
        if request.kind != .instrumental {
            let singer = VocalSinger(language: request.language, variant: arranger.style.voiceVariant, folder: file.deletingLastPathComponent())
            var vocals = AudioBuffer(frames: mix.frames)
            sung = try await sing(arrangement.phrases, with: singer, into: &vocals, progress: progress.stage(0.45...0.85))
            vocals.level(to: request.kind == .vocals ? 0.16 : 0.15)
            mix.add(vocals, gain: 1)
            clock.lap("espeak-ng")
        }
        try await progress(0.9, "levelling and writing WAV")
        mix.level(to: 0.16)
        mix.fit(frames: Int((request.duration * Double(AudioBuffer.sampleRate)).rounded()), fadeOut: min(2.5, request.duration * 0.1))
        try WAVFile.write(mix, to: file)
        clock.lap("mix")
        return RenderReport(
            model: Self.model, timings: clock.laps, details: Self.details(arrangement, arranger: arranger, request: request, sung: sung),
            companions: [midi])
    }

    /// FluidSynth plays the MIDI file with the General MIDI soundfont into raw floats.
    private func render(_ midi: URL, next file: URL) async throws -> AudioBuffer {
        let raw = file.deletingPathExtension().appendingPathExtension("raw")
        defer { try? FileManager.default.removeItem(at: raw) }
        guard FileManager.default.fileExists(atPath: soundFont) else {
            throw CreativeError.renderFailed(
                "the General MIDI soundfont \(soundFont) is missing; run scripts/bootstrap (apt-get install fluid-soundfont-gm)")
        }
        try await MediaProcess(
            "fluidsynth",
            ["-ni", "-q", "-g", "0.6", "-r", String(AudioBuffer.sampleRate), "-O", "float", "-T", "raw", "-F", raw.path, soundFont, midi.path],
            timeout: .seconds(600)
        ).run()
        return AudioBuffer(interleavedFloat: try Data(contentsOf: raw))
    }

    /// Sings every phrase (two at a time) and lays each at its place; returns how many were sung.
    private func sing(
        _ phrases: [Arrangement.Phrase], with singer: VocalSinger, into vocals: inout AudioBuffer, progress: ToolProgress
    ) async throws -> Int {
        var done = 0
        try await withThrowingTaskGroup(of: (Int, [Float]).self) { group in
            var next = 0
            func launch() {
                let index = next
                group.addTask { (index, try await singer.sing(phrases[index], index: index)) }
                next += 1
            }
            while next < min(2, phrases.count) { launch() }
            while let (index, samples) = try await group.next() {
                vocals.add(samples, at: Int(phrases[index].start * Double(AudioBuffer.sampleRate)), gain: 1)
                done += 1
                try await progress(Double(done) / Double(max(1, phrases.count)), "singing line \(done) of \(phrases.count)")
                if next < phrases.count { launch() }
            }
        }
        return done
    }

    /// Minor for sad or dark words, major for bright ones, the genre's own mode otherwise.
    static func mode(of text: String) -> Bool? {
        let words = WordMatcher(text)
        if !words.matches(["sad", "dark", "melancholy", "lonely", "rain", "rainy", "night", "storm", "tears", "grief", "haunted"]).isEmpty {
            return true
        }
        if !words.matches(["happy", "bright", "sunny", "joy", "joyful", "summer", "dance", "party", "love"]).isEmpty { return false }
        return nil
    }

    private static func details(_ arrangement: Arrangement, arranger: Arranger, request: MusicRequest, sung: Int) -> [String: JSONValue] {
        let seconds = arrangement.form.secondsPerBar
        var details: [String: JSONValue] = [
            "key": .string(Self.keyName(arrangement.harmony)),
            "form": .array(
                arrangement.form.sections.map { section in
                    [
                        "section": .string(section.kind.rawValue), "start": .double(Double(section.startBar) * seconds), "bars": .int(section.bars),
                        "lines": .int(section.lines.count),
                    ]
                }),
            "bars": .int(arrangement.form.bars),
        ]
        if request.kind != .instrumental {
            details["vocals"] = [
                "engine": "espeak-ng singing-speech (not a singing model)",
                "voice": .string("\(request.language.voice)+\(arranger.style.voiceVariant)"),
                "lines_sung": .int(sung), "lines_written": .int(Lyrics(request.lyrics ?? "").lineCount),
                "phrases": .array(arrangement.phrases.map { ["line": .string($0.text), "start": .double($0.start), "length": .double($0.length)] }),
            ]
        }
        return details
    }

    private static func keyName(_ harmony: Harmony) -> String {
        let names = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
        return names[harmony.tonic % 12] + (harmony.minor ? " minor" : " major")
    }
}
