/// A piece ready to render: the MIDI file, and where and how each lyric line is sung.
struct Arrangement: Sendable {
    /// One sung line: its words, each on the melody note it starts on, placed in seconds.
    struct Phrase: Sendable {
        let text: String
        let start: Double
        let length: Double
        let words: [(word: String, note: Int)]

        /// The line's middle pitch, as a MIDI note.
        var centerNote: Int { words.isEmpty ? 60 : words.map(\.note).reduce(0, +) / words.count }
    }

    let midi: MIDIFile
    let phrases: [Phrase]
    let form: SongForm
    let harmony: Harmony
}
