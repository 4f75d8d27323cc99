import TimmyCore

/// Reel's `list_video_styles`: the styles and resolutions clips can take.
public struct ListVideoStylesTool: Tool {
    public let name = "list_video_styles"
    public let family = "creative"
    public let summary = "List the video styles and resolutions"
    public let allowedPersonas = CreativeFields.reel

    public init() {}

    public func run(_ input: NoInput, context: ToolContext) async throws -> ToolResult {
        let styles = VideoStyle.all.map { "\($0.name): \($0.character)" }
        let resolutions = VideoResolution.all.map { "\($0.name) = \($0.width)×\($0.height)" }
        return ToolResult(
            summary: "\(VideoStyle.all.count) styles, \(VideoResolution.all.count) resolutions",
            text: (["Styles:"] + styles + ["", "Resolutions: " + resolutions.joined(separator: ", ")]).joined(separator: "\n"),
            data: [
                "styles": .array(VideoStyle.all.map { ["name": .string($0.name), "character": .string($0.character)] }),
                "resolutions": .array(VideoResolution.all.map { ["name": .string($0.name), "width": .int($0.width), "height": .int($0.height)] }),
            ])
    }
}
