/// The shape of a piece fitted to its duration: intro, verses and choruses, a bridge, an outro,
/// each so many bars of 4/4, with the lyric lines each section sings.
struct SongForm: Sendable {
    enum SectionKind: String, Sendable { case intro, verse, chorus, bridge, outro }

    struct Section: Sendable {
        let kind: SectionKind
        let startBar: Int
        let bars: Int
        /// The lines sung in this section, one phrase each (empty for instrumental passages).
        var lines: [String] = []
    }

    let sections: [Section]
    let bars: Int
    let secondsPerBar: Double

    /// - Parameter lyrics: nil for instrumentals.
    init(duration: Double, tempo: Int, lyrics: Lyrics?) {
        secondsPerBar = 240 / Double(tempo)
        // Leave about a bar for the last chord to ring out inside the requested time.
        let bars = max(2, Int(((duration - min(2, secondsPerBar)) / secondsPerBar).rounded(.down)))
        self.bars = bars
        var kinds: [(SectionKind, Int)] = []
        if bars < 8 {
            kinds = [(.verse, bars)]
        } else {
            let edge = bars >= 48 ? 4 : 2
            var remaining = bars - 2 * edge
            // Eight-bar sections give a sung line two bars; short pieces make do with four.
            let length = remaining >= 16 ? 8 : 4
            kinds.append((.intro, edge))
            let cycle: [SectionKind] = [.verse, .chorus, .verse, .chorus, .bridge, .chorus]
            var index = 0
            while true {
                let kind = index < cycle.count ? cycle[index] : (index % 2 == 0 ? SectionKind.verse : .chorus)
                let size = kind == .bridge ? length / 2 : length
                guard remaining >= size else { break }
                kinds.append((kind, size))
                remaining -= size
                index += 1
            }
            // A song ends on its chorus: a last verse that would lead straight into the outro sings the chorus instead.
            if kinds.count > 2, kinds[kinds.count - 1].0 == .verse { kinds[kinds.count - 1].0 = .chorus }
            // Bars left over stretch the last section rather than making a scrap of one.
            kinds[kinds.count - 1].1 += remaining
            kinds.append((.outro, edge))
        }
        var start = 0
        var sections: [Section] = []
        for (kind, size) in kinds {
            sections.append(Section(kind: kind, startBar: start, bars: size))
            start += size
        }
        if let lyrics { Self.assign(lyrics, to: &sections) }
        self.sections = sections
    }

    /// Verses take verse stanzas in turn and choruses chorus stanzas, starting again when they run
    /// out; a tagged bridge sings its own; a piece too short for a form sings all the lines it can.
    private static func assign(_ lyrics: Lyrics, to sections: inout [Section]) {
        if sections.count == 1 {
            sections[0].lines = lyrics.stanzas.flatMap(\.lines)
            return
        }
        var next: [SectionKind: Int] = [:]
        for index in sections.indices {
            let kind = sections[index].kind
            let stanzas = lyrics.stanzas(for: kind)
            guard !stanzas.isEmpty else { continue }
            let turn = next[kind, default: 0]
            sections[index].lines = stanzas[turn % stanzas.count]
            next[kind] = turn + 1
        }
    }
}
