import Foundation

/// Lyrics as a songwriter writes them: lines, stanzas split by blank lines, and optional section
/// tags such as `[verse]` or `[chorus]` (the tags ACE-Step reads too).
struct Lyrics: Sendable, Equatable {
    struct Stanza: Sendable, Equatable {
        /// The tagged section kind, or nil when untagged.
        var tag: SongForm.SectionKind?
        var lines: [String]
    }

    let stanzas: [Stanza]

    init(_ text: String) {
        var stanzas: [Stanza] = []
        var current = Stanza(tag: nil, lines: [])
        func close() {
            if !current.lines.isEmpty { stanzas.append(current) }
            current = Stanza(tag: nil, lines: [])
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                close()
            } else if line.hasPrefix("["), line.hasSuffix("]") {
                close()
                let name = line.dropFirst().dropLast().lowercased().split(separator: " ").first.map(String.init) ?? ""
                current.tag = SongForm.SectionKind(rawValue: name == "pre-chorus" ? "verse" : name)
            } else {
                current.lines.append(line)
            }
        }
        close()
        // One long untagged block reads as stanzas of four lines.
        if stanzas.count == 1, stanzas[0].tag == nil, stanzas[0].lines.count > 4 {
            stanzas = stride(from: 0, to: stanzas[0].lines.count, by: 4).map { start in
                Stanza(tag: nil, lines: Array(stanzas[0].lines[start..<min(start + 4, stanzas[0].lines.count)]))
            }
        }
        self.stanzas = stanzas
    }

    var lineCount: Int { stanzas.reduce(0) { $0 + $1.lines.count } }

    /// The stanzas meant for a kind of section: tagged ones when the lyrics are tagged, otherwise
    /// verses and choruses alternating (the second stanza is the chorus; a lone stanza is both).
    func stanzas(for kind: SongForm.SectionKind) -> [[String]] {
        if stanzas.contains(where: { $0.tag != nil }) { return stanzas.filter { $0.tag == kind }.map(\.lines) }
        if stanzas.count == 1, kind == .verse || kind == .chorus { return [stanzas[0].lines] }
        switch kind {
        case .verse: return stanzas.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.lines)
        case .chorus: return stanzas.enumerated().filter { $0.offset % 2 == 1 }.map(\.element.lines)
        case .intro, .bridge, .outro: return []
        }
    }
}
