import Foundation

/// The melody: one phrase per lyric line, a note per syllable on chord tones where the beat is
/// strong, rising then falling and resting on a chord tone; choruses sit higher. Sections without
/// lines play seeded motifs when nobody sings, and rest when a voice is carrying the song.
extension Arranger {
    func writeMelody(_ track: inout MIDIFile.Track, section: SongForm.Section) -> [Arrangement.Phrase] {
        let lines = section.lines
        let sectionBeats = section.bars * 4
        if lines.isEmpty {
            if !sung, section.kind == .verse || section.kind == .chorus || section.kind == .bridge { writeMotifs(&track, section: section) }
            return []
        }
        // A line gets at least a bar; lines beyond what the section can hold are not sung there.
        let sung = Array(lines.prefix(max(1, sectionBeats / 4)))
        let slotBeats = sectionBeats / sung.count
        var phrases: [Arrangement.Phrase] = []
        for (index, line) in sung.enumerated() {
            let startBeat = section.startBar * 4 + index * slotBeats
            guard startBeat + 2 <= (section.startBar + section.bars) * 4 else { break }
            phrases.append(writePhrase(&track, line: line, startBeat: startBeat, slotBeats: slotBeats, section: section, index: index))
        }
        return phrases
    }

    private func writePhrase(
        _ track: inout MIDIFile.Track, line: String, startBeat: Int, slotBeats: Int, section: SongForm.Section, index: Int
    ) -> Arrangement.Phrase {
        let words = Syllables.words(line)
        let syllables = words.map(Syllables.count)
        let total = max(1, min(24, syllables.reduce(0, +)))
        // Sing over about three quarters of the slot, leaving a breath before the next line.
        let singing = Double(slotBeats) * 0.78
        let step = max(0.25, (singing / Double(total) * 4).rounded(.down) / 4)
        let high = section.kind == .chorus ? 7 : 0
        let scale = harmony.scaleNotes(from: harmony.tonic - 3 + high, to: harmony.tonic + 14 + high)
        var beat = Double(startBeat)
        var wordNotes: [(word: String, note: Int)] = []
        var syllableIndex = 0
        for (wordIndex, word) in words.enumerated() {
            for part in 0..<syllables[wordIndex] where syllableIndex < total {
                let note = melodyNote(syllableIndex, of: total, beat: beat, scale: scale, section: section, line: index)
                if part == 0 { wordNotes.append((word, note)) }
                let last = syllableIndex == total - 1
                let length = last ? max(step, singing - (beat - Double(startBeat))) : step
                let ticks = Int(beat * Double(Self.beat))
                track.note(
                    note, at: ticks, length: max(60, Int(length * Double(Self.beat)) - 30), velocity: velocity(88, 100, syllableIndex),
                    channel: Channel.lead)
                if part == 0 { track.meta(0x05, word, at: ticks) }
                beat += step
                syllableIndex += 1
            }
        }
        let seconds = 60 / Double(tempo)
        return Arrangement.Phrase(text: line, start: Double(startBeat) * seconds, length: singing * seconds, words: wordNotes)
    }

    /// The note for a syllable: an arch over the line, pulled to the nearest chord tone on beats.
    private func melodyNote(_ index: Int, of total: Int, beat: Double, scale: [Int], section: SongForm.Section, line: Int) -> Int {
        let position = Double(index) / Double(max(1, total - 1))
        let arch = sin(position * .pi) * 0.75 + (line % 2 == 0 ? 0.1 : 0.25) * (1 - position)
        let wobble = Double(hash.value(101, line * 64 + index, in: -0.12...0.12))
        var note = scale[min(scale.count - 1, max(0, Int((arch + wobble) * Double(scale.count - 1) * 0.8 + 1)))]
        let onBeat = beat.truncatingRemainder(dividingBy: 1) == 0
        if onBeat || index == total - 1 {
            let bar = Int(beat / 4) - section.startBar
            let chord = chordAt(section: section, barIndex: bar)
            let tones = harmony.chord(on: chord.degree, seventh: false, register: note)
            let candidates: [Int] = tones.flatMap { tone in [tone - 12, tone, tone + 12] }
            let target = note
            note = candidates.min { abs($0 - target) < abs($1 - target) } ?? note
        }
        return note
    }

    /// Short seeded motifs for instrumental sections: a two-bar call and its answer.
    private func writeMotifs(_ track: inout MIDIFile.Track, section: SongForm.Section) {
        let high = section.kind == .chorus ? 7 : 0
        let scale = harmony.scaleNotes(from: harmony.tonic + high, to: harmony.tonic + 12 + high)
        let rhythm: [Double] = hash.unit(110, section.startBar) > 0.5 ? [0, 1, 1.5, 2, 3, 4.5, 5, 6] : [0, 0.5, 1, 2, 2.5, 4, 5, 5.5, 6]
        for phraseStart in stride(from: 0, to: section.bars * 4, by: 8) {
            for (index, offset) in rhythm.enumerated() where phraseStart + Int(offset) < section.bars * 4 {
                let degree = Int(hash.value(111, section.startBar * 16 + phraseStart + index, in: 0...Float(scale.count - 1)))
                let beat = Double(section.startBar * 4 + phraseStart) + offset
                let length = index == rhythm.count - 1 ? 1.5 : 0.45
                track.note(
                    scale[degree], at: Int(beat * Double(Self.beat)), length: Int(length * Double(Self.beat)), velocity: velocity(84, 112, index),
                    channel: Channel.lead)
            }
        }
    }
}
