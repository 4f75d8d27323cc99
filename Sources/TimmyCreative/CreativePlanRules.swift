import Foundation
import TimmyCore

extension CreativeTools {
    /// Genre names and the ways people write them, longest first so "lo fi" wins over "lo".
    private static let genreWords: [(phrase: String, value: String)] =
        (Genre.names.map { ($0, $0) } + [
            ("hip hop", "hip-hop"), ("hiphop", "hip-hop"), ("rnb", "r&b"), ("r and b", "r&b"), ("lo fi", "lo-fi"), ("lofi", "lo-fi"),
        ])
        .sorted { $0.0.count > $1.0.count }
    private static let styleWords: [(phrase: String, value: String)] =
        (VideoStyle.names.map { ($0, $0) } + [("slow motion", "slow-motion"), ("music video", "music-video"), ("time lapse", "timelapse")])
        .sorted { $0.0.count > $1.0.count }
    private static let genre = "(?<genre>" + genreWords.map { NSRegularExpression.escapedPattern(for: $0.phrase) }.joined(separator: "|") + ")"
    private static let style = "(?<style>" + styleWords.map { NSRegularExpression.escapedPattern(for: $0.phrase) }.joined(separator: "|") + ")"
    private static let make =
        #"(?:draw|sketch|paint|make|create|generate|render|design|produce|compose|write|shoot)\s+(?:me\s+|us\s+)?(?:an?\s+|the\s+|some\s+)?"#
    private static let about = #"\s+(?:of|about|showing|for|with|on|inspired\s+by)\s+"#
    private static let quotedText = #"(?:'[^']+'|"[^"]+"|`[^`]+`)"#

    /// Rules for Pixel's, Lyra's and Reel's tools.
    public static let planRules: [PlanRule] = [
        PlanRule(make + #"storyboard"# + about + #"(?<subject>.+)"#) { groups in
            guard let subject = groups["subject"].map(PlanRule.unquote), !subject.isEmpty else { return nil }
            return [PlannedCall(GenerateStoryboardTool(), .with { $0.scenes = storyboardBeats(subject) })]
        },
        PlanRule(
            make + #"(?:\S+\s+)?(?:image|picture|illustration|painting|drawing|poster|artwork|sketch|scene|landscape)"# + about + #"(?<subject>.+)"#
        ) {
            groups in
            groups.unquoted("subject").map { subject in [PlannedCall(GenerateImageTool(), .with { $0.prompt = subject })] }
        },
        // "Paint" alone is left out: "paint the fence" is a chore, not a picture.
        PlanRule(#"(?:draw|sketch)\s+(?:me\s+)?(?<subject>.+)"#) { groups in
            groups.unquoted("subject").map { subject in [PlannedCall(GenerateImageTool(), .with { $0.prompt = subject })] }
        },
        PlanRule(
            make + "(?:" + genre + #"\s+)?song(?:"# + about + #"(?<subject>.+?))?\s*(?:,\s*)?(?:with\s+)?(?:the\s+)?lyrics\s*:?\s*(?<lyrics>"#
                + quotedText + ")"
        ) { groups in
            guard let lyrics = groups.unquoted("lyrics") else { return nil }
            let input = GenerateSongTool.Input.with { input in
                input.lyrics = lines(lyrics)
                if let genre = groups["genre"] { input.genre = canonical(genre, in: genreWords) }
                if let subject = groups.unquoted("subject") { input.title = subject }
            }
            return [PlannedCall(GenerateSongTool(), input)]
        },
        PlanRule(#"sing\s+(?<lyrics>"# + quotedText + ")") { groups in
            groups.unquoted("lyrics").map { lyrics in [PlannedCall(GenerateVocalsTool(), .with { $0.lyrics = lines(lyrics) })] }
        },
        PlanRule(
            make + "(?:" + genre + #"\s+)?(?:track|tune|instrumental|beat|piece|melody|soundtrack|music|score)"# + "(?:" + about
                + #"(?<subject>.+))?"#
        ) {
            groups in
            let input = GenerateInstrumentalTool.Input.with { input in
                input.prompt = groups.unquoted("subject") ?? "an instrumental piece"
                if let genre = groups["genre"] { input.genre = canonical(genre, in: genreWords) }
            }
            return [PlannedCall(GenerateInstrumentalTool(), input)]
        },
        PlanRule(make + "(?:" + style + #"\s+)?(?:video|clip|animation|film|footage|movie)(?:\s+clip)?"# + about + #"(?<subject>.+)"#) { groups in
            guard let subject = groups.unquoted("subject") else { return nil }
            let words = WordMatcher(subject)
            let input = GenerateVideoClipTool.Input.with { input in
                input.prompt = subject
                if let style = groups["style"].map({ canonical($0, in: styleWords) })
                    ?? styleWords.first(where: { words.contains(phrase: $0.phrase) })?.value
                {
                    input.style = style
                }
            }
            return [PlannedCall(GenerateVideoClipTool(), input)]
        },
        PlanRule(#"animate\s+(?:the\s+)?(?:image\s+)?(?<image>[0-9a-fA-F-]{36}|\S+\.(?:png|jpe?g|webp))(?:\s+(?:with|using)?\s*(?<motion>.+))?"#) {
            groups in
            guard let image = groups["image"] else { return nil }
            let input = ImageToVideoTool.Input.with { input in
                input.image = image
                input.prompt = groups["motion"] ?? "slow zoom in"
            }
            return [PlannedCall(ImageToVideoTool(), input)]
        },
        PlanRule(#"(?:list|show|what\s+are)\s+(?:me\s+)?(?:the\s+|all\s+)?(?:music\s+|song\s+)?genres"#) { _ in
            [PlannedCall(ListGenresTool(), NoInput())]
        },
        PlanRule(#"(?:list|show|what\s+are)\s+(?:me\s+)?(?:the\s+|all\s+)?(?:video\s+|clip\s+)?styles"#) { _ in
            [PlannedCall(ListVideoStylesTool(), NoInput())]
        },
    ]

    /// Four beats of one subject: establish it wide, move closer, find a detail, pull back to close.
    static func storyboardBeats(_ subject: String) -> [String] {
        ["wide establishing shot: \(subject)", "moving closer: \(subject)", "close up detail: \(subject)", "wide closing shot: \(subject)"]
    }

    /// Lyrics written on one line with " / " between lines, as lines.
    private static func lines(_ lyrics: String) -> String { lyrics.replacingOccurrences(of: " / ", with: "\n") }

    /// The catalog name for a phrase a person wrote ("hip hop" → "hip-hop").
    private static func canonical(_ phrase: String, in table: [(phrase: String, value: String)]) -> String {
        let lowered = phrase.lowercased()
        return table.first { $0.phrase == lowered }?.value ?? lowered
    }
}
