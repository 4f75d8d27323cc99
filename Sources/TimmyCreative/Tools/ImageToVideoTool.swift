import Foundation
import TimmyCore

/// Reel's `image_to_video`: a clip moving over an existing image as the prompt describes.
public struct ImageToVideoTool: CreativeTool {
    public let name = "image_to_video"
    public let summary = "Animate an existing image with the motion described in words (MP4, H.264, with a sidecar)"
    public let allowedPersonas = CreativeFields.reel

    public struct Input: CreativeInput {
        @Field(CreativeFields.imageSummary, .positional, .localPath) public var image: String
        @Field("the motion in words, e.g. \"slow zoom in\", \"pan left\", \"pull back\"", .positional, CreativeFields.promptText)
        public var prompt: String
        @Field(CreativeFields.clipDurationSummary, CreativeFields.clipDuration) public var duration = 5.0
        @Field(CreativeFields.resolutionSummary, CreativeFields.resolution) public var resolution: String?
        @Field(CreativeFields.fpsSummary, CreativeFields.fps) public var fps = 24
        @Field(CreativeFields.seedSummary, CreativeFields.seed) public var seed: Int?
        @Field(CreativeFields.backendSummary, CreativeFields.backend) public var backend: String?
        public init() {}
    }

    public init() {}

    func plan(_ input: Input, context: ToolContext) throws -> CreativePlan<VideoRequest> {
        let source = try CreativeValidation.sourceImage(input.image, field: Input.name(of: \.image), settings: context.settings)
        let resolution = try CreativeValidation.resolution(input.resolution, field: Input.name(of: \.resolution), settings: context.settings)
        var effective = input
        effective.image = source.assetID ?? source.url.path
        effective.resolution = resolution.name
        effective.seed = CreativeValidation.seed(input.seed)
        let request = VideoRequest(
            prompt: input.prompt, duration: input.duration, width: resolution.width, height: resolution.height, fps: input.fps, style: nil,
            seed: effective.seed ?? 0, source: source.url, codec: context.settings[.defaultVideoCodec])
        return try CreativePlan(request: request, input: input, effective: effective, settings: context.settings)
    }

    func perform(_ plan: CreativePlan<VideoRequest>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        // The recorded image is the asset id when the source is an asset, its path otherwise.
        let assetID = plan.parameters[Input.name(of: \.image)]?.stringValue.flatMap { UUID(uuidString: $0) == nil ? nil : $0 }
        return try await VideoToolSupport.perform(name, plan, sourceAssetID: assetID, output: output, context: context)
    }
}
