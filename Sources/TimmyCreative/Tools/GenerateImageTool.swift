import Foundation
import TimmyCore

/// Pixel's `generate_image`: one picture from a prompt.
public struct GenerateImageTool: CreativeTool {
    public let name = "generate_image"
    public let summary = "Make an image from a prompt (PNG with a JSON sidecar)"
    public let allowedPersonas = CreativeFields.pixel

    public struct Input: CreativeInput {
        @Field("what to show", .positional, CreativeFields.promptText) public var prompt: String
        @Field("what to leave out", CreativeFields.promptText) public var negativePrompt: String?
        @Field(CreativeFields.dimensionSummary, CreativeFields.dimension) public var width = 1024
        @Field(CreativeFields.dimensionSummary, CreativeFields.dimension) public var height = 1024
        @Field(CreativeFields.stepsSummary, CreativeFields.steps) public var steps: Int?
        @Field(CreativeFields.seedSummary, CreativeFields.seed) public var seed: Int?
        @Field(CreativeFields.backendSummary, CreativeFields.backend) public var backend: String?
        public init() {}
    }

    public init() {}

    func plan(_ input: Input, context: ToolContext) throws -> CreativePlan<ImageRequest> {
        var effective = input
        effective.steps = CreativeValidation.steps(input.steps, settings: context.settings)
        effective.seed = CreativeValidation.seed(input.seed)
        let request = ImageRequest(
            prompt: input.prompt, negativePrompt: input.negativePrompt, width: input.width, height: input.height, steps: effective.steps ?? 0,
            seed: effective.seed ?? 0)
        return try CreativePlan(request: request, input: input, effective: effective, settings: context.settings)
    }

    func perform(_ plan: CreativePlan<ImageRequest>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        let (id, file) = output.newFile(extension: "png")
        let report = try await plan.backend.image(plan.request, to: file, progress: context.progress.stage(0...0.95))
        var sidecar = plan.sidecar(tool: name, kind: .image, prompt: plan.request.prompt, report: report)
        sidecar.width = plan.request.width
        sidecar.height = plan.request.height
        let asset = try output.publish(file, id: id, into: context.settings.imageOutputDirectory, companions: report.companions, sidecar: sidecar)
        return CreativeResult.make(name, [asset], backend: plan.backend.name, settings: context.settings, extra: ["seed": .int(plan.request.seed)])
    }
}
