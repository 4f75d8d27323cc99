import Foundation
import TimmyCore

/// Pixel's `generate_image`: one picture from a prompt.
public struct GenerateImageTool: CreativeTool {
    public let name = "generate_image"
    public let summary = "Make an image from a prompt (PNG with a JSON sidecar)"
    public let allowedPersonas = CreativeParameters.pixel
    public let parameters: [ToolParameter] = [
        .init("prompt", .string, "what to show, at most 20,000 characters", required: true),
        .init("negative_prompt", .string, "what to leave out"),
        CreativeParameters.width(1024), CreativeParameters.height(1024), CreativeParameters.steps(), CreativeParameters.seed,
        CreativeParameters.backend,
    ]

    public init() {}

    func plan(_ arguments: ToolArguments, context: ToolContext) throws -> CreativePlan<ImageRequest> {
        let prompt = try CreativeValidation.text(arguments, "prompt")
        let negative = try CreativeValidation.optionalText(arguments, "negative_prompt")
        let width = try CreativeValidation.dimension(arguments, "width")
        let height = try CreativeValidation.dimension(arguments, "height")
        let steps = try CreativeValidation.steps(arguments, settings: context.settings)
        let seed = try CreativeValidation.seed(arguments)
        let request = ImageRequest(prompt: prompt, negativePrompt: negative, width: width, height: height, steps: steps, seed: seed)
        return try CreativePlan(
            request: request, arguments: arguments, settings: context.settings,
            parameters: [
                "prompt": .string(prompt), "negative_prompt": negative.map(JSONValue.string) ?? .null, "width": .int(width), "height": .int(height),
                "steps": .int(steps),
            ], seed: seed)
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
