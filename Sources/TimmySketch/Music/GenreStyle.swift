/// How the sketch backend arranges a genre: its instruments (General MIDI programs), mode,
/// chord progressions, and the patterns its chords, bass and drums play.
struct GenreStyle: Sendable {
    enum ChordRhythm: Sendable { case sustained, pulse, arpeggio, skank, stabs, strum, comp, montuno }
    enum BassLine: Sendable { case roots, eighths, walking, octaves, syncopated, drone }
    enum Drums: Sendable { case none, backbeat, fourOnFloor, boomBap, shuffle, jazz, oneDrop, doubleKick, punk, funk, clave, timpani }

    /// Chord roots as scale degrees (0-based) with a 7th added or not, one chord per bar.
    struct Progression: Sendable {
        let degrees: [Int]
        let sevenths: Bool
    }

    let minor: Bool
    let chordProgram: Int
    let bassProgram: Int
    let leadProgram: Int
    /// A pad under everything (strings, organ, synth), or nil.
    let padProgram: Int?
    let verse: Progression
    let chorus: Progression
    let chordRhythm: ChordRhythm
    let bassLine: BassLine
    let drums: Drums
    /// 0 for straight eighths; 0.33 is a triplet swing.
    let swing: Double
    /// Bars each chord lasts.
    let barsPerChord: Int
    /// The singer: a female or a male espeak-ng variant.
    let voiceVariant: String

    private static func p(_ degrees: [Int], sevenths: Bool = false) -> Progression { Progression(degrees: degrees, sevenths: sevenths) }

    static func of(_ genre: String) -> GenreStyle {
        switch genre {
        case "rock":
            GenreStyle(
                minor: false, chordProgram: 29, bassProgram: 34, leadProgram: 30, padProgram: nil, verse: p([0, 6, 3, 0]), chorus: p([0, 3, 4, 3]),
                chordRhythm: .pulse, bassLine: .eighths, drums: .backbeat, swing: 0, barsPerChord: 1, voiceVariant: "m3")
        case "hip-hop":
            GenreStyle(
                minor: true, chordProgram: 4, bassProgram: 38, leadProgram: 11, padProgram: nil, verse: p([0, 5], sevenths: true),
                chorus: p([5, 3, 0, 4], sevenths: true), chordRhythm: .stabs, bassLine: .syncopated, drums: .boomBap, swing: 0.18, barsPerChord: 2,
                voiceVariant: "m3")
        case "r&b":
            GenreStyle(
                minor: false, chordProgram: 4, bassProgram: 35, leadProgram: 73, padProgram: 89, verse: p([0, 2, 5, 3], sevenths: true),
                chorus: p([3, 2, 1, 4], sevenths: true), chordRhythm: .comp, bassLine: .syncopated, drums: .boomBap, swing: 0.15, barsPerChord: 1,
                voiceVariant: "f3")
        case "jazz":
            GenreStyle(
                minor: false, chordProgram: 0, bassProgram: 32, leadProgram: 66, padProgram: nil, verse: p([1, 4, 0, 5], sevenths: true),
                chorus: p([3, 6, 2, 5], sevenths: true), chordRhythm: .comp, bassLine: .walking, drums: .jazz, swing: 0.33, barsPerChord: 1,
                voiceVariant: "f2")
        case "blues":
            GenreStyle(
                minor: false, chordProgram: 27, bassProgram: 33, leadProgram: 22, padProgram: 16,
                verse: p([0, 0, 0, 0, 3, 3, 0, 0, 4, 3, 0, 4], sevenths: true),
                chorus: p([0, 0, 0, 0, 3, 3, 0, 0, 4, 3, 0, 4], sevenths: true), chordRhythm: .comp, bassLine: .walking, drums: .shuffle, swing: 0.33,
                barsPerChord: 1, voiceVariant: "m2")
        case "country":
            GenreStyle(
                minor: false, chordProgram: 25, bassProgram: 33, leadProgram: 40, padProgram: nil, verse: p([0, 3, 0, 4]), chorus: p([3, 0, 4, 0]),
                chordRhythm: .strum, bassLine: .roots, drums: .backbeat, swing: 0, barsPerChord: 1, voiceVariant: "m1")
        case "electronic":
            GenreStyle(
                minor: true, chordProgram: 81, bassProgram: 38, leadProgram: 80, padProgram: 89, verse: p([0, 5, 2, 6]), chorus: p([5, 3, 0, 4]),
                chordRhythm: .arpeggio, bassLine: .octaves, drums: .fourOnFloor, swing: 0, barsPerChord: 1, voiceVariant: "f4")
        case "classical":
            GenreStyle(
                minor: false, chordProgram: 48, bassProgram: 42, leadProgram: 40, padProgram: nil, verse: p([0, 3, 4, 0]), chorus: p([0, 5, 1, 4]),
                chordRhythm: .arpeggio, bassLine: .roots, drums: .none, swing: 0, barsPerChord: 1, voiceVariant: "f1")
        case "folk":
            GenreStyle(
                minor: false, chordProgram: 25, bassProgram: 32, leadProgram: 73, padProgram: nil, verse: p([0, 4, 5, 3]), chorus: p([3, 0, 4, 4]),
                chordRhythm: .strum, bassLine: .roots, drums: .backbeat, swing: 0, barsPerChord: 1, voiceVariant: "f2")
        case "reggae":
            GenreStyle(
                minor: false, chordProgram: 16, bassProgram: 33, leadProgram: 27, padProgram: nil, verse: p([0, 4, 5, 3]), chorus: p([3, 0, 4, 0]),
                chordRhythm: .skank, bassLine: .syncopated, drums: .oneDrop, swing: 0.1, barsPerChord: 1, voiceVariant: "m3")
        case "metal":
            GenreStyle(
                minor: true, chordProgram: 30, bassProgram: 34, leadProgram: 30, padProgram: nil, verse: p([0, 5, 6, 0]), chorus: p([0, 3, 5, 6]),
                chordRhythm: .pulse, bassLine: .eighths, drums: .doubleKick, swing: 0, barsPerChord: 1, voiceVariant: "m7")
        case "punk":
            GenreStyle(
                minor: false, chordProgram: 29, bassProgram: 34, leadProgram: 29, padProgram: nil, verse: p([0, 3, 4, 3]), chorus: p([0, 4, 5, 3]),
                chordRhythm: .pulse, bassLine: .eighths, drums: .punk, swing: 0, barsPerChord: 1, voiceVariant: "m3")
        case "soul":
            GenreStyle(
                minor: false, chordProgram: 16, bassProgram: 33, leadProgram: 61, padProgram: nil, verse: p([0, 3, 0, 4], sevenths: true),
                chorus: p([3, 2, 1, 4], sevenths: true), chordRhythm: .stabs, bassLine: .syncopated, drums: .backbeat, swing: 0.12, barsPerChord: 1,
                voiceVariant: "f3")
        case "funk":
            GenreStyle(
                minor: true, chordProgram: 7, bassProgram: 36, leadProgram: 61, padProgram: nil, verse: p([0, 3], sevenths: true),
                chorus: p([3, 4, 0, 0], sevenths: true), chordRhythm: .stabs, bassLine: .syncopated, drums: .funk, swing: 0.05, barsPerChord: 2,
                voiceVariant: "m3")
        case "latin":
            GenreStyle(
                minor: true, chordProgram: 0, bassProgram: 33, leadProgram: 56, padProgram: nil, verse: p([0, 3, 4, 0]), chorus: p([5, 3, 4, 0]),
                chordRhythm: .montuno, bassLine: .syncopated, drums: .clave, swing: 0, barsPerChord: 1, voiceVariant: "f2")
        case "ambient":
            GenreStyle(
                minor: false, chordProgram: 89, bassProgram: 95, leadProgram: 92, padProgram: 91, verse: p([0, 3], sevenths: true),
                chorus: p([5, 3, 0, 4], sevenths: true), chordRhythm: .sustained, bassLine: .drone, drums: .none, swing: 0, barsPerChord: 2,
                voiceVariant: "f5")
        case "lo-fi":
            GenreStyle(
                minor: false, chordProgram: 4, bassProgram: 33, leadProgram: 11, padProgram: nil, verse: p([1, 4, 0, 5], sevenths: true),
                chorus: p([3, 2, 1, 4], sevenths: true), chordRhythm: .comp, bassLine: .roots, drums: .boomBap, swing: 0.25, barsPerChord: 1,
                voiceVariant: "f2")
        case "cinematic":
            GenreStyle(
                minor: true, chordProgram: 48, bassProgram: 43, leadProgram: 60, padProgram: 52, verse: p([0, 5, 2, 6]), chorus: p([5, 3, 0, 4]),
                chordRhythm: .sustained, bassLine: .roots, drums: .timpani, swing: 0, barsPerChord: 1, voiceVariant: "f1")
        default:  // pop
            GenreStyle(
                minor: false, chordProgram: 4, bassProgram: 33, leadProgram: 80, padProgram: 89, verse: p([0, 4, 5, 3]), chorus: p([5, 3, 0, 4]),
                chordRhythm: .pulse, bassLine: .roots, drums: .backbeat, swing: 0, barsPerChord: 1, voiceVariant: "f3")
        }
    }
}
