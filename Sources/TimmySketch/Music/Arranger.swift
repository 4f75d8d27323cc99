import TimmyCreativeBackend

/// Writes the parts of a piece over its form: chords, bass, drums, a pad, and a melody shaped by
/// the lyric lines (or, for instrumentals, by seeded motifs), with the dynamics of each section.
struct Arranger: Sendable {
    static let beat = MIDIFile.resolution
    static let bar = beat * 4
    static let sixteenth = beat / 4

    enum Channel { static let chords = 0, bass = 1, lead = 2, pad = 3, drums = 9 }

    let style: GenreStyle
    let form: SongForm
    let tempo: Int
    let harmony: Harmony
    let hash: SketchHash
    /// Whether a voice sings the melody; the lead then plays it softly as a guide.
    let sung: Bool

    init(genre: Genre, tempo: Int, form: SongForm, seed: Int, sung: Bool, minorWords: Bool?) {
        style = GenreStyle.of(genre.name)
        self.form = form
        self.tempo = tempo
        hash = SketchHash(seed: seed).child(50)
        let tonics = [60, 62, 63, 65, 67, 57, 58]
        harmony = Harmony(tonic: tonics[Int(hash.unit(1, 0) * Float(tonics.count)) % tonics.count], minor: minorWords ?? style.minor)
        self.sung = sung
    }

    func arrange() -> Arrangement {
        var chords = MIDIFile.Track(name: "chords")
        var bass = MIDIFile.Track(name: "bass")
        var lead = MIDIFile.Track(name: sung ? "melody (guide)" : "melody")
        var pad = MIDIFile.Track(name: "pad")
        var drums = MIDIFile.Track(name: "drums")
        chords.program(style.chordProgram, channel: Channel.chords, volume: 92, pan: 44, reverb: 50)
        bass.program(style.bassProgram, channel: Channel.bass, volume: 104, pan: 64, reverb: 10)
        lead.program(style.leadProgram, channel: Channel.lead, volume: sung ? 62 : 100, pan: 84, reverb: 60)
        if let program = style.padProgram { pad.program(program, channel: Channel.pad, volume: 66, pan: 64, reverb: 80) }
        drums.program(0, channel: Channel.drums, volume: 100, pan: 64, reverb: 30)
        var phrases: [Arrangement.Phrase] = []
        for section in form.sections {
            chords.meta(0x06, section.kind.rawValue, at: section.startBar * Self.bar)
            for barIndex in 0..<section.bars {
                let bar = section.startBar + barIndex
                let chord = chordAt(section: section, barIndex: barIndex)
                writeChordBar(&chords, chord, bar: bar, section: section)
                writeBassBar(&bass, chord, bar: bar, section: section, barIndex: barIndex)
                if style.padProgram != nil, section.kind != .intro || barIndex > 0 { writePadBar(&pad, chord, bar: bar, section: section) }
                writeDrumBar(&drums, bar: bar, section: section, barIndex: barIndex)
            }
            phrases += writeMelody(&lead, section: section)
        }
        writeEnding(&chords, &bass)
        let tracks = [chords, bass, lead] + (style.padProgram == nil ? [] : [pad]) + (style.drums == .none ? [] : [drums])
        return Arrangement(midi: MIDIFile(tracks: tracks, tempo: tempo), phrases: phrases, form: form, harmony: harmony)
    }

    /// The chord of a bar: the section's progression, one chord per `barsPerChord` bars; the
    /// bridge borrows the chorus progression from its fourth chord, the outro rests on the tonic.
    func chordAt(section: SongForm.Section, barIndex: Int) -> (degree: Int, seventh: Bool) {
        let progression = section.kind == .chorus || section.kind == .bridge ? style.chorus : style.verse
        let step = barIndex / style.barsPerChord + (section.kind == .bridge ? 3 : 0)
        if section.kind == .outro && barIndex >= section.bars - 2 { return (0, progression.sevenths) }
        return (progression.degrees[step % progression.degrees.count], progression.sevenths)
    }

    /// How loud a section plays, 0…1.
    func energy(_ kind: SongForm.SectionKind) -> Double {
        switch kind {
        case .intro: 0.6
        case .verse: 0.75
        case .chorus: 1
        case .bridge: 0.7
        case .outro: 0.65
        }
    }

    /// Ticks from the start for a 16th-note step of a bar, pushed late on off-beats by the swing.
    func tick(bar: Int, step: Int) -> Int {
        var tick = bar * Self.bar + step * Self.sixteenth
        if step % 4 == 2 { tick += Int(style.swing * Double(Self.beat) / 2) }
        if step % 2 == 1 { tick += Int(style.swing * Double(Self.sixteenth) / 2) }
        return tick
    }

    /// A velocity around `base`, varied a little by the seed so repeats do not sound stamped.
    func velocity(_ base: Double, _ stream: UInt64, _ index: Int) -> Int {
        Int(base + Double(hash.value(stream, index, in: -7...7)))
    }

    /// The last chord held through the final bar so the piece ends on the tonic.
    private func writeEnding(_ chords: inout MIDIFile.Track, _ bass: inout MIDIFile.Track) {
        let end = form.bars * Self.bar
        let ring = Int(Double(Self.beat) * 4)
        for note in harmony.chord(on: 0, seventh: false, register: 60) {
            chords.note(note, at: end, length: ring, velocity: 70, channel: Channel.chords)
        }
        bass.note(harmony.bass(on: 0, register: 48), at: end, length: ring, velocity: 80, channel: Channel.bass)
    }
}
