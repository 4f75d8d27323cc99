import Foundation
import TimmyCore

/// The assembler's tools: Reel's (and the Director's) finishing stage, every one an edit made by
/// the one FFmpeg filter graph of `Assembler.render`.
public enum AssemblerTools {
    /// Every tool of the family, in catalog order.
    public static var all: [any Tool] { family.tools }

    /// The assembler family: its tools, plan rules, keywords and top-level commands (`timmy assemble`, `timmy stitch`, …).
    public static let family = ToolFamily(name: "assembler", commands: commands, rules: planRules, keywords: keywords)

    static let keywords: [(phrase: String, tool: String)] = [
        ("assemble", AssembleVideoTool().name), ("stitch", StitchClipsTool().name), ("cross-fade", StitchClipsTool().name),
        ("title card", AddTitleCardTool().name), ("subtitles", AddSubtitlesTool().name), ("captions", AddSubtitlesTool().name),
    ]

    static let commands = CommandGroup(
        name: nil, abstract: "Finish videos: stitch clips, lay music under them, add cards and captions, export.",
        commands: [
            CommandSpec(
                "assemble", AssembleVideoTool(), persona: "reel",
                examples: ["assemble edit.json", "assemble data/creative/sunrise/edit.json --output data/creative/sunrise/final.mp4"]),
            CommandSpec(
                "stitch", StitchClipsTool(), persona: "reel",
                examples: [
                    "stitch data/video/a.mp4 data/video/b.mp4 data/video/c.mp4 --transition 1.5", "stitch a.mp4 b.mp4 --transition 0 --preset 720p",
                ]),
            CommandSpec(
                "overlay-audio", OverlayAudioTool(), persona: "reel",
                examples: ["overlay-audio stitched.mp4 data/music/song.wav --fade 3 --loudness -16"]),
            CommandSpec(
                "title-card", AddTitleCardTool(), persona: "reel",
                examples: ["title-card stitched.mp4 --title \"Sunrise over the mountains\" --credits \"Made with Timmy\" --seconds 4"]),
            CommandSpec(
                "subtitles", AddSubtitlesTool(), persona: "reel",
                examples: ["subtitles stitched.mp4 lyrics.srt", "subtitles stitched.mp4 lyrics.json --no-burn"]),
            CommandSpec(
                "export", ExportFinalTool(), persona: "reel",
                examples: ["export final.mp4 --preset 1080p-9:16", "export final.mp4 --preset 720p --codec libx264"]),
        ])

    /// Requests that name their files: "assemble edit.json", "stitch a.mp4 b.mp4 c.mp4 [with hard cuts]".
    public static let planRules: [PlanRule] = [
        PlanRule(#"assemble\s+(?:the\s+)?(?:video\s+|edit\s+)?(?:from\s+)?(?<edit>\S+\.json)"#) { groups in
            groups["edit"].map { edit in [PlannedCall(AssembleVideoTool(), .with { $0.edit = edit })] }
        },
        PlanRule(
            #"stitch\s+(?:together\s+)?(?:the\s+)?(?:clips\s+)?(?<clips>\S+\.mp4(?:(?:\s*,\s*|\s+and\s+|\s+)\S+\.mp4)+)(?<cuts>\s+with\s+hard\s+cuts)?"#
        ) {
            groups in
            guard let list = groups["clips"] else { return nil }
            let clips = list.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init).filter { $0.lowercased() != "and" }
            return [
                PlannedCall(
                    StitchClipsTool(),
                    .with { input in
                        input.clips = clips
                        if groups["cuts"] != nil { input.transition = 0 }
                    })
            ]
        },
    ]
}
