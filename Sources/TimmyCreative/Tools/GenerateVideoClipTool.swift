import TimmyCore

/// Reel's `generate_video_clip`: a short clip from a prompt in one of the video styles.
public struct GenerateVideoClipTool: CreativeTool {
    public let name = "generate_video_clip"
    public let summary = "Make a short video clip from a prompt (MP4, H.264, with a sidecar)"
    public let allowedPersonas = CreativeFields.reel

    public struct Input: CreativeInput {
        @Field("what the clip shows", .positional, CreativeFields.promptText) public var prompt: String
        @Field(CreativeFields.clipDurationSummary, CreativeFields.clipDuration) public var duration = 5.0
        @Field(CreativeFields.resolutionSummary, CreativeFields.resolution) public var resolution: String?
        @Field(CreativeFields.fpsSummary, CreativeFields.fps) public var fps = 24
        @Field("the look and camera", .oneOf(VideoStyle.names)) public var style = "cinematic"
        @Field(CreativeFields.seedSummary, CreativeFields.seed) public var seed: Int?
        @Field(CreativeFields.backendSummary, CreativeFields.backend) public var backend: String?
        public init() {}
    }

    public init() {}

    func plan(_ input: Input, context: ToolContext) throws -> CreativePlan<VideoRequest> {
        let resolution = try CreativeValidation.resolution(input.resolution, field: Input.name(of: \.resolution), settings: context.settings)
        var effective = input
        effective.resolution = resolution.name
        effective.seed = CreativeValidation.seed(input.seed)
        let request = VideoRequest(
            prompt: input.prompt, duration: input.duration, width: resolution.width, height: resolution.height, fps: input.fps, style: input.style,
            seed: effective.seed ?? 0, source: nil, codec: context.settings[.defaultVideoCodec])
        return try CreativePlan(request: request, input: input, effective: effective, settings: context.settings)
    }

    func perform(_ plan: CreativePlan<VideoRequest>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        try await VideoToolSupport.perform(name, plan, sourceAssetID: nil, output: output, context: context)
    }
}
