import Foundation
import TimmyCore

/// Pixel's `image_variations`: variations of an existing image that keep its content and move
/// its palette, framing and light.
public struct ImageVariationsTool: CreativeTool {
    public let name = "image_variations"
    public let summary = "Make variations of an existing image (an asset id or a path inside the data folders)"
    public let allowedPersonas = CreativeParameters.pixel
    public let parameters: [ToolParameter] = [
        CreativeParameters.image,
        .init("count", .integer, "how many variations, 1-8", default: 4),
        .init("strength", .number, "how far each may move from the source, 0-1", default: 0.5),
        CreativeParameters.seed, CreativeParameters.backend,
    ]

    public init() {}

    struct Request: Sendable {
        let source: URL
        let sourceAssetID: String?
        let count: Int
        let strength: Double
    }

    func plan(_ arguments: ToolArguments, context: ToolContext) throws -> CreativePlan<Request> {
        let source = try CreativeValidation.sourceImage(arguments, settings: context.settings)
        let count = try arguments.int("count", in: 1...8) ?? 4
        let strength = arguments.double("strength") ?? 0.5
        guard (0...1).contains(strength) else {
            throw ToolError.invalidArgument(name: "strength", reason: "must be between 0 and 1, got \(strength)")
        }
        let seed = try CreativeValidation.seed(arguments)
        return try CreativePlan(
            request: Request(source: source.url, sourceAssetID: source.assetID, count: count, strength: strength),
            arguments: arguments,
            settings: context.settings,
            parameters: ["image": .string(source.assetID ?? source.url.path), "count": .int(count), "strength": .double(strength)],
            seed: seed
        )
    }

    func perform(_ plan: CreativePlan<Request>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        let request = plan.request
        let files = (0..<request.count).map { _ in output.newFile(extension: "png") }
        let reports = try await plan.backend.variations(
            VariationRequest(source: request.source, strength: request.strength, seed: plan.seed ?? 0),
            to: files.map(\.file),
            progress: context.progress
        )
        guard reports.count == files.count else {
            throw CreativeError.renderFailed("the \(plan.backend.name) backend made \(reports.count) variations of \(files.count)")
        }
        var assets: [ProducedAsset] = []
        for (index, ((id, file), report)) in zip(files, reports).enumerated() {
            var sidecar = plan.sidecar(tool: name, kind: .image, prompt: "variation \(index + 1) of \(request.count)", report: report)
            sidecar.width = report.details["width"]?.intValue
            sidecar.height = report.details["height"]?.intValue
            sidecar.sourceAsset = (request.sourceAssetID, request.source.path)
            assets.append(
                try output.publish(file, id: id, into: context.settings.imageOutputDirectory, companions: report.companions, sidecar: sidecar)
            )
        }
        return CreativeResult.make(
            name,
            assets,
            backend: plan.backend.name,
            settings: context.settings,
            extra: ["source": .string(request.sourceAssetID ?? request.source.path)]
        )
    }
}
