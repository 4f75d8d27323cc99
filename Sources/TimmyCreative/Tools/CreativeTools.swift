import TimmyCore

/// The creative tools: Pixel's images, Lyra's music, Reel's video.
public enum CreativeTools {
    public static let all: [any Tool] = [
        GenerateImageTool(), GenerateStoryboardTool(), ImageVariationsTool(), GenerateSongTool(), GenerateInstrumentalTool(), GenerateVocalsTool(),
        ListGenresTool(), GenerateVideoClipTool(), ImageToVideoTool(), ListVideoStylesTool(),
    ]
}
