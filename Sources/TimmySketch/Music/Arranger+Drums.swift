/// The drum part: a 16-step pattern per genre, thinned in intros and bridges, a crash where a
/// chorus starts and a fill at the end of each section.
extension Arranger {
    private enum Kit {
        static let kick = 36, rim = 37, snare = 38, clap = 39, lowTom = 41, closedHat = 42, pedalHat = 44, openHat = 46
        static let crash = 49, highTom = 50, ride = 51, openConga = 63, lowConga = 64, shaker = 70, claves = 75
    }

    /// Instrument and 16-step pattern ("x" hit, "o" soft hit) for each voice of the kit.
    private var patterns: [(key: Int, steps: String)] {
        switch style.drums {
        case .none: []
        case .backbeat: [(Kit.kick, "x.......x.x....."), (Kit.snare, "....x.......x..."), (Kit.closedHat, "x.x.x.x.x.x.x.x.")]
        case .fourOnFloor:
            [(Kit.kick, "x...x...x...x..."), (Kit.clap, "....x.......x..."), (Kit.openHat, "..x...x...x...x."), (Kit.closedHat, "o.o.o.o.o.o.o.o.")]
        case .boomBap: [(Kit.kick, "x.....x...x....."), (Kit.snare, "....x.......x..."), (Kit.closedHat, "x.x.x.x.x.x.x.x.")]
        case .shuffle: [(Kit.kick, "x.......x......."), (Kit.snare, "....x.......x..."), (Kit.ride, "x.x.x.x.x.x.x.x.")]
        case .jazz: [(Kit.ride, "x...x.x.x...x.x."), (Kit.pedalHat, "....x.......x..."), (Kit.kick, "o.......o.......")]
        case .oneDrop: [(Kit.kick, "........x......."), (Kit.rim, "........x......."), (Kit.closedHat, "..x...x...x...x.")]
        case .doubleKick: [(Kit.kick, "xxxxxxxxxxxxxxxx"), (Kit.snare, "....x.......x..."), (Kit.ride, "x.x.x.x.x.x.x.x.")]
        case .punk: [(Kit.kick, "x...x...x...x..."), (Kit.snare, "..x...x...x...x."), (Kit.closedHat, "x.x.x.x.x.x.x.x.")]
        case .funk: [(Kit.kick, "x..x..x...x..x.."), (Kit.snare, "....x..o.o..x..."), (Kit.closedHat, "xoxoxoxoxoxoxoxo")]
        case .clave:
            [
                (Kit.kick, "x.......x......."), (Kit.openConga, "..x...x...xx..x."), (Kit.lowConga, ".......x.......x"),
                (Kit.shaker, "xoxoxoxoxoxoxoxo"),
            ]
        case .timpani: [(Kit.lowTom, "x.......x.......")]
        }
    }

    func writeDrumBar(_ track: inout MIDIFile.Track, bar: Int, section: SongForm.Section, barIndex: Int) {
        guard style.drums != .none else { return }
        let loud = 62 + 40 * energy(section.kind)
        let lastBar = barIndex == section.bars - 1
        let channel = Channel.drums
        switch section.kind {
        case .intro where barIndex < section.bars - 1:
            writePattern(
                &track, bar: bar, voices: patterns.filter { [Kit.closedHat, Kit.ride, Kit.shaker, Kit.openConga].contains($0.key) }, loud: loud * 0.8)
            return
        case .outro where barIndex > 0:
            if lastBar { track.note(Kit.crash, at: tick(bar: bar, step: 0), length: Self.beat, velocity: 70, channel: channel) }
            return
        default: break
        }
        var voices = patterns
        if section.kind == .bridge { voices = voices.filter { $0.key != Kit.snare && $0.key != Kit.clap } }
        if style.drums == .clave {
            let side = barIndex % 2 == 0 ? "x..x...x........" : "....x...x......."
            voices.append((Kit.claves, side))
        }
        if style.drums == .timpani && section.kind == .chorus { voices = [(Kit.lowTom, "x...x...x...x..."), (Kit.kick, "x.......x.......")] }
        if lastBar && section.kind != .outro {
            voices = voices.map { voice in
                [Kit.snare, Kit.clap, Kit.rim].contains(voice.key) ? voice : (voice.key, String(voice.steps.prefix(12)) + "....")
            }
            voices.append((style.drums == .timpani ? Kit.lowTom : Kit.snare, "............xxxx"))
            voices.append((Kit.highTom, "............x.x."))
        }
        if barIndex == 0 && (section.kind == .chorus || section.kind == .verse) {
            track.note(Kit.crash, at: tick(bar: bar, step: 0), length: Self.beat * 2, velocity: Int(loud), channel: channel)
        }
        writePattern(&track, bar: bar, voices: voices, loud: loud)
    }

    private func writePattern(_ track: inout MIDIFile.Track, bar: Int, voices: [(key: Int, steps: String)], loud: Double) {
        for voice in voices {
            for (step, mark) in voice.steps.enumerated() where mark != "." {
                let scale = mark == "o" ? 0.55 : (step % 4 == 0 ? 1 : 0.85)
                track.note(
                    voice.key, at: tick(bar: bar, step: step), length: Self.sixteenth,
                    velocity: velocity(loud * scale, 90, bar * 64 + step * 4 + voice.key % 4),
                    channel: Channel.drums)
            }
        }
    }
}
