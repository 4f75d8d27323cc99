/// Chords, bass and pad, bar by bar.
extension Arranger {
    func writeChordBar(_ track: inout MIDIFile.Track, _ chord: (degree: Int, seventh: Bool), bar: Int, section: SongForm.Section) {
        let notes = harmony.chord(on: chord.degree, seventh: chord.seventh, register: 62)
        let loud = 58 + 38 * energy(section.kind)
        let channel = Channel.chords
        func hit(_ step: Int, _ length: Int, _ keys: [Int], _ scale: Double = 1) {
            for (index, key) in keys.enumerated() {
                track.note(
                    key, at: tick(bar: bar, step: step), length: length, velocity: velocity(loud * scale, 60, bar * 16 + step + index),
                    channel: channel)
            }
        }
        let s = Self.sixteenth
        switch style.chordRhythm {
        case .sustained:
            if bar % style.barsPerChord == 0 || (bar - section.startBar) == 0 { hit(0, Self.bar * style.barsPerChord - s, notes, 0.85) }
        case .pulse:
            let power = style.drums == .doubleKick || style.drums == .punk || style.chordProgram == 29 || style.chordProgram == 30
            let keys = power ? [notes[0] - 12, notes[0] - 5, notes[0]] : notes
            for step in stride(from: 0, to: 16, by: 2) { hit(step, s * 2 - 20, keys, step % 4 == 0 ? 1 : 0.85) }
        case .arpeggio:
            let pattern = notes + [notes[0] + 12] + notes.reversed()
            for step in stride(from: 0, to: 16, by: 2) { hit(step, s * 2, [pattern[(step / 2) % pattern.count]], 0.9) }
            hit(0, Self.bar - s, [notes[0] - 12], 0.7)
        case .skank:
            for step in [4, 12] { hit(step, s * 2, notes) }
        case .stabs:
            for step in [0, 6, 10] where hash.unit(61, bar * 4 + step) > 0.15 || step == 0 { hit(step, s * 2, notes, step == 0 ? 1 : 0.8) }
        case .strum:
            for (step, scale) in [(0, 1.0), (4, 0.8), (6, 0.7), (8, 0.9), (10, 0.7), (12, 0.8), (14, 0.7)] {
                for (index, key) in notes.enumerated() {
                    track.note(
                        key, at: tick(bar: bar, step: step) + index * 12, length: s * 2,
                        velocity: velocity(loud * scale, 62, bar * 16 + step + index),
                        channel: channel)
                }
            }
        case .comp:
            hit(0, s * 5, notes, 0.9)
            hit(hash.unit(63, bar) > 0.5 ? 10 : 6, s * 3, notes, 0.75)
        case .montuno:
            let pattern = [notes[0], notes[2], notes[1] + 12, notes[2], notes[0] + 12, notes[2], notes[1] + 12, notes[2]]
            for (index, step) in [0, 3, 4, 6, 8, 11, 12, 14].enumerated() { hit(step, s, [pattern[index]], index % 2 == 0 ? 1 : 0.8) }
        }
    }

    func writeBassBar(_ track: inout MIDIFile.Track, _ chord: (degree: Int, seventh: Bool), bar: Int, section: SongForm.Section, barIndex: Int) {
        let root = harmony.bass(on: chord.degree, register: 48)
        let fifth = root + 7
        let loud = 70 + 35 * energy(section.kind)
        let channel = Channel.bass
        let s = Self.sixteenth
        func play(_ step: Int, _ key: Int, _ length: Int, _ scale: Double = 1) {
            track.note(key, at: tick(bar: bar, step: step), length: length, velocity: velocity(loud * scale, 70, bar * 16 + step), channel: channel)
        }
        if section.kind == .intro && barIndex == 0 && style.drums != .none { return }
        switch style.bassLine {
        case .roots:
            play(0, root, s * 7)
            play(8, barIndex % 2 == 0 ? root : fifth, s * 7, 0.9)
        case .eighths:
            for step in stride(from: 0, to: 16, by: 2) { play(step, root, s * 2 - 10, step % 8 == 0 ? 1 : 0.85) }
        case .walking:
            let next = harmony.bass(on: chordAt(section: section, barIndex: barIndex + 1).degree, register: 48)
            let third = harmony.chord(on: chord.degree, seventh: false, register: root + 12)[1] - 12
            let approach = next + (next > root ? -1 : 1)
            for (index, key) in [root, third, fifth, approach].enumerated() { play(index * 4, key, s * 4 - 15, index == 0 ? 1 : 0.85) }
        case .octaves:
            for step in stride(from: 0, to: 16, by: 2) { play(step, step % 4 == 0 ? root : root + 12, s * 2 - 10, step % 4 == 0 ? 0.9 : 1) }
        case .syncopated:
            for (step, key, length) in [(0, root, 5), (6, root, 2), (10, fifth, 2), (12, root + 12, 2), (14, root, 2)] { play(step, key, s * length) }
        case .drone:
            if barIndex % style.barsPerChord == 0 { play(0, root - 12, Self.bar * style.barsPerChord, 0.8) }
        }
    }

    func writePadBar(_ track: inout MIDIFile.Track, _ chord: (degree: Int, seventh: Bool), bar: Int, section: SongForm.Section) {
        let notes = harmony.chord(on: chord.degree, seventh: chord.seventh, register: 55)
        for (index, key) in notes.enumerated() {
            track.note(
                key, at: bar * Self.bar, length: Self.bar - 10, velocity: velocity(40 + 40 * energy(section.kind), 80, bar * 4 + index),
                channel: Channel.pad)
        }
    }
}
