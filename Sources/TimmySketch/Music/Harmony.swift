/// A key and the chords built on its scale.
struct Harmony: Sendable {
    /// MIDI note of the tonic in the octave around middle C.
    let tonic: Int
    let minor: Bool

    private var scale: [Int] { minor ? [0, 2, 3, 5, 7, 8, 10] : [0, 2, 4, 5, 7, 9, 11] }

    /// The semitone offset from the tonic of a scale degree (any integer; wraps by octaves).
    func offset(ofDegree degree: Int) -> Int {
        let octave = Int((Double(degree) / 7).rounded(.down))
        let step = degree - octave * 7
        return scale[step] + 12 * octave
    }

    /// The notes of the chord on `degree`: root, third, fifth (and seventh), near `register`.
    func chord(on degree: Int, seventh: Bool, register: Int) -> [Int] {
        var notes = [0, 2, 4].map { offset(ofDegree: degree + $0) }
        if seventh { notes.append(offset(ofDegree: degree + 6)) }
        // In a minor key the chord on the fifth takes a major third (harmonic minor), so cadences pull home.
        if minor && ((degree % 7) + 7) % 7 == 4 { notes[1] += 1 }
        let root = tonic + notes[0]
        let shift = ((register - root) / 12) * 12
        return notes.map { tonic + $0 + shift }
    }

    /// The bass note of the chord on `degree`, in the octave below `register`.
    func bass(on degree: Int, register: Int) -> Int {
        var note = tonic + offset(ofDegree: degree)
        while note > register { note -= 12 }
        while note < register - 12 { note += 12 }
        return note
    }

    /// The scale notes between two MIDI notes, for melodies.
    func scaleNotes(from low: Int, to high: Int) -> [Int] {
        (low...high).filter { note in scale.contains(((note - tonic) % 12 + 12) % 12) }
    }
}
