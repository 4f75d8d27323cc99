import Foundation
import TimmyCore

/// Reel's `image_to_video`: a clip moving over an existing image as the prompt describes.
public struct ImageToVideoTool: CreativeTool {
    public let name = "image_to_video"
    public let summary = "Animate an existing image with the motion described in words (MP4, H.264, with a sidecar)"
    public let allowedPersonas = CreativeParameters.reel
    public let parameters: [ToolParameter] = [
        CreativeParameters.image,
        .init("prompt", .string, "the motion in words, e.g. \"slow zoom in\", \"pan left\", \"pull back\"", required: true),
        CreativeParameters.duration(5, VideoToolSupport.durationRange), CreativeParameters.resolution, CreativeParameters.fps,
        CreativeParameters.seed,
        CreativeParameters.backend,
    ]

    public init() {}

    func plan(_ arguments: ToolArguments, context: ToolContext) throws -> CreativePlan<VideoRequest> {
        let source = try CreativeValidation.sourceImage(arguments, settings: context.settings)
        let prompt = try CreativeValidation.text(arguments, "prompt")
        let duration = try CreativeValidation.duration(arguments, in: VideoToolSupport.durationRange)
        let resolution = try CreativeValidation.resolution(arguments, settings: context.settings)
        let fps = try CreativeValidation.fps(arguments)
        let seed = try CreativeValidation.seed(arguments)
        let request = VideoRequest(
            prompt: prompt, duration: duration, width: resolution.width, height: resolution.height, fps: fps, style: nil, seed: seed,
            source: source.url,
            codec: context.settings[.defaultVideoCodec])
        return try CreativePlan(
            request: request, arguments: arguments, settings: context.settings,
            parameters: [
                "image": .string(source.assetID ?? source.url.path), "prompt": .string(prompt), "duration": .double(duration),
                "resolution": .string(resolution.name), "fps": .int(fps),
            ], seed: seed)
    }

    func perform(_ plan: CreativePlan<VideoRequest>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        // The image parameter holds the asset id when the source is an asset, its path otherwise.
        let assetID = plan.parameters["image"]?.stringValue.flatMap { UUID(uuidString: $0) == nil ? nil : $0 }
        return try await VideoToolSupport.perform(name, plan, sourceAssetID: assetID, output: output, context: context)
    }
}
