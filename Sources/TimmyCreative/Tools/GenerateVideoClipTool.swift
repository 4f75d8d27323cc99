import TimmyCore

/// Reel's `generate_video_clip`: a short clip from a prompt in one of the video styles.
public struct GenerateVideoClipTool: CreativeTool {
    public let name = "generate_video_clip"
    public let summary = "Make a short video clip from a prompt (MP4, H.264, with a sidecar)"
    public let allowedPersonas = CreativeParameters.reel
    public let parameters: [ToolParameter] = [
        .init("prompt", .string, "what the clip shows, at most 20,000 characters", required: true),
        CreativeParameters.duration(5, VideoToolSupport.durationRange), CreativeParameters.resolution, CreativeParameters.fps,
        .init("style", .string, "the look and camera", default: "cinematic", allowed: VideoStyle.names), CreativeParameters.seed,
        CreativeParameters.backend,
    ]

    public init() {}

    func plan(_ arguments: ToolArguments, context: ToolContext) throws -> CreativePlan<VideoRequest> {
        let prompt = try CreativeValidation.text(arguments, "prompt")
        let duration = try CreativeValidation.duration(arguments, in: VideoToolSupport.durationRange)
        let resolution = try CreativeValidation.resolution(arguments, settings: context.settings)
        let fps = try CreativeValidation.fps(arguments)
        let style = arguments.string("style") ?? "cinematic"
        let seed = try CreativeValidation.seed(arguments)
        let request = VideoRequest(
            prompt: prompt, duration: duration, width: resolution.width, height: resolution.height, fps: fps, style: style, seed: seed, source: nil,
            codec: context.settings[.defaultVideoCodec])
        return try CreativePlan(
            request: request, arguments: arguments, settings: context.settings,
            parameters: [
                "prompt": .string(prompt), "duration": .double(duration), "resolution": .string(resolution.name), "fps": .int(fps),
                "style": .string(style),
            ], seed: seed)
    }

    func perform(_ plan: CreativePlan<VideoRequest>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        try await VideoToolSupport.perform(name, plan, sourceAssetID: nil, output: output, context: context)
    }
}
