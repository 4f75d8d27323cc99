import TimmyLLM

/// The script's lyrics as a song's lyrics text: a stanza per run of lines of one section, each
/// under its `[verse]`, `[chorus]` or `[bridge]` tag (the tags the sketch and ACE-Step read);
/// untagged lines in stanzas of four, which the song alternates as verse and chorus.
enum SongLyrics {
    static func text(_ lines: [DirectorScript.Line]) -> String {
        guard lines.contains(where: { $0.section != nil }) else {
            return stride(from: 0, to: lines.count, by: 4).map { start in
                lines[start..<min(start + 4, lines.count)].map(\.text).joined(separator: "\n")
            }.joined(separator: "\n\n")
        }
        var stanzas: [(section: String, lines: [String])] = []
        for line in lines {
            let section = line.section ?? stanzas.last?.section ?? "verse"
            if stanzas.last?.section == section {
                stanzas[stanzas.count - 1].lines.append(line.text)
            } else {
                stanzas.append((section, [line.text]))
            }
        }
        return stanzas.map { "[\($0.section)]\n" + $0.lines.joined(separator: "\n") }.joined(separator: "\n\n")
    }
}
