import Foundation
import TimmyCore
import TimmyCreative
import TimmyStore

extension DeterministicPlanner {
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
    public static let creativeRules: [PlanRule] = [
        PlanRule(make + #"storyboard"# + about + #"(?<subject>.+)"#) { groups in
            guard let subject = groups["subject"].map(PlanRule.unquote), !subject.isEmpty else { return nil }
            return [PlannedCall(tool: "generate_storyboard", arguments: ["scenes": .array(storyboardBeats(subject).map(JSONValue.string))])]
        },
        PlanRule(
            make + #"(?:\S+\s+)?(?:image|picture|illustration|painting|drawing|poster|artwork|sketch|scene|landscape)"# + about + #"(?<subject>.+)"#
        ) {
            groups in
            groups["subject"].map { [PlannedCall(tool: "generate_image", arguments: ["prompt": .string(PlanRule.unquote($0))])] }
        },
        // "Paint" alone is left out: "paint the fence" is a chore, not a picture.
        PlanRule(#"(?:draw|sketch)\s+(?:me\s+)?(?<subject>.+)"#) { groups in
            groups["subject"].map { [PlannedCall(tool: "generate_image", arguments: ["prompt": .string(PlanRule.unquote($0))])] }
        },
        PlanRule(
            make + "(?:" + genre + #"\s+)?song(?:"# + about + #"(?<subject>.+?))?\s*(?:,\s*)?(?:with\s+)?(?:the\s+)?lyrics\s*:?\s*(?<lyrics>"#
                + quotedText + ")"
        ) { groups in
            guard let lyrics = groups["lyrics"].map(PlanRule.unquote) else { return nil }
            var arguments: [String: JSONValue] = ["lyrics": .string(lyrics.replacingOccurrences(of: " / ", with: "\n"))]
            if let genre = groups["genre"] { arguments["genre"] = .string(canonical(genre, in: genreWords)) }
            if let subject = groups["subject"] { arguments["title"] = .string(PlanRule.unquote(subject)) }
            return [PlannedCall(tool: "generate_song", arguments: arguments)]
        },
        PlanRule(#"sing\s+(?<lyrics>"# + quotedText + ")") { groups in
            groups["lyrics"].map {
                [
                    PlannedCall(
                        tool: "generate_vocals", arguments: ["lyrics": .string(PlanRule.unquote($0).replacingOccurrences(of: " / ", with: "\n"))])
                ]
            }
        },
        PlanRule(
            make + "(?:" + genre + #"\s+)?(?:track|tune|instrumental|beat|piece|melody|soundtrack|music|score)"# + "(?:" + about
                + #"(?<subject>.+))?"#
        ) {
            groups in
            var arguments: [String: JSONValue] = ["prompt": .string(groups["subject"].map(PlanRule.unquote) ?? "an instrumental piece")]
            if let genre = groups["genre"] { arguments["genre"] = .string(canonical(genre, in: genreWords)) }
            return [PlannedCall(tool: "generate_instrumental", arguments: arguments)]
        },
        PlanRule(make + "(?:" + style + #"\s+)?(?:video|clip|animation|film|footage|movie)(?:\s+clip)?"# + about + #"(?<subject>.+)"#) { groups in
            guard let subject = groups["subject"].map(PlanRule.unquote) else { return nil }
            var arguments: [String: JSONValue] = ["prompt": .string(subject)]
            let words = WordMatcher(subject)
            if let style = groups["style"].map({ canonical($0, in: styleWords) })
                ?? styleWords.first(where: { words.contains(phrase: $0.phrase) })?.value
            {
                arguments["style"] = .string(style)
            }
            return [PlannedCall(tool: "generate_video_clip", arguments: arguments)]
        },
        PlanRule(#"animate\s+(?:the\s+)?(?:image\s+)?(?<image>[0-9a-fA-F-]{36}|\S+\.(?:png|jpe?g|webp))(?:\s+(?:with|using)?\s*(?<motion>.+))?"#) {
            groups in
            guard let image = groups["image"] else { return nil }
            return [PlannedCall(tool: "image_to_video", arguments: ["image": .string(image), "prompt": .string(groups["motion"] ?? "slow zoom in")])]
        },
        PlanRule(#"(?:list|show|what\s+are)\s+(?:me\s+)?(?:the\s+|all\s+)?(?:music\s+|song\s+)?genres"#) { _ in
            [PlannedCall(tool: "list_genres", arguments: [:])]
        },
        PlanRule(#"(?:list|show|what\s+are)\s+(?:me\s+)?(?:the\s+|all\s+)?(?:video\s+|clip\s+)?styles"#) { _ in
            [PlannedCall(tool: "list_video_styles", arguments: [:])]
        },
    ]

    /// Four beats of one subject: establish it wide, move closer, find a detail, pull back to close.
    static func storyboardBeats(_ subject: String) -> [String] {
        ["wide establishing shot: \(subject)", "moving closer: \(subject)", "close up detail: \(subject)", "wide closing shot: \(subject)"]
    }

    /// The catalog name for a phrase a person wrote ("hip hop" → "hip-hop").
    private static func canonical(_ phrase: String, in table: [(phrase: String, value: String)]) -> String {
        let lowered = phrase.lowercased()
        return table.first { $0.phrase == lowered }?.value ?? lowered
    }
}
