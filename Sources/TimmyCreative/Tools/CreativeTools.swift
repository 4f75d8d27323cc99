import TimmyCore

/// The creative tools: Pixel's images, Lyra's music, Reel's video.
public enum CreativeTools {
    /// Every tool of the family, in catalog order.
    public static var all: [any Tool] { family.tools }

    /// The creative family: its tools, plan rules, keywords and top-level commands (`timmy image`, `timmy song`, …).
    public static let family = ToolFamily(name: "creative", commands: commands, rules: planRules, keywords: keywords)

    static let keywords: [(phrase: String, tool: String)] = [
        ("image", GenerateImageTool().name), ("picture", GenerateImageTool().name), ("storyboard", GenerateStoryboardTool().name),
        ("variations", ImageVariationsTool().name), ("song", GenerateSongTool().name), ("instrumental", GenerateInstrumentalTool().name),
        ("sing", GenerateVocalsTool().name), ("genres", ListGenresTool().name), ("video", GenerateVideoClipTool().name),
        ("clip", GenerateVideoClipTool().name), ("animate", ImageToVideoTool().name), ("styles", ListVideoStylesTool().name),
    ]

    static let commands = CommandGroup(
        name: nil, abstract: "Images, music and video, made as jobs and followed to the end.",
        commands: [
            CommandSpec(
                "image", GenerateImageTool(), persona: "pixel",
                examples: ["image \"a sunrise over mountains\" --width 1024 --height 576 --seed 7"]),
            CommandSpec(
                "storyboard", GenerateStoryboardTool(), persona: "pixel",
                examples: ["storyboard scenes.txt --width 1024 --height 576", "storyboard --scenes \"a harbour at dawn\" --scenes \"boats at noon\""]
            ),
            CommandSpec("variations", ImageVariationsTool(), persona: "pixel", examples: ["variations data/images/sunrise.png -n 4 --strength 0.3"]),
            CommandSpec(
                "song", GenerateSongTool(), persona: "lyra",
                examples: ["song --lyrics-file rain.txt --genre rock --duration 90 --language es", "song --lyrics \"la la la\" --title Hum"]),
            CommandSpec(
                "instrumental", GenerateInstrumentalTool(), persona: "lyra",
                examples: ["instrumental \"rain on a tin roof\" --genre lo-fi --duration 30"]
            ),
            CommandSpec("vocals", GenerateVocalsTool(), persona: "lyra", examples: ["vocals --lyrics-file rain.txt --style jazz"]),
            CommandSpec("genres", ListGenresTool(), persona: "lyra", examples: ["genres --json"]),
            CommandSpec("video", GenerateVideoClipTool(), persona: "reel", examples: ["video \"clouds over a city\" --style timelapse --fps 12"]),
            CommandSpec("animate", ImageToVideoTool(), persona: "reel", examples: ["animate data/images/sunrise.png \"slow zoom in\" --duration 4"]),
            CommandSpec("styles", ListVideoStylesTool(), persona: "reel", examples: ["styles"]),
        ])
}
