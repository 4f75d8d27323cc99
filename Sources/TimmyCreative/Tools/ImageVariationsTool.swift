import Foundation
import TimmyCore

/// Pixel's `image_variations`: variations of an existing image that keep its content and move
/// its palette, framing and light.
public struct ImageVariationsTool: CreativeTool {
    public let name = "image_variations"
    public let summary = "Make variations of an existing image (an asset id or a path inside the data folders)"
    public let allowedPersonas = CreativeFields.pixel

    public struct Input: CreativeInput {
        @Field(CreativeFields.imageSummary, .positional, .localPath) public var image: String
        @Field("how many variations", .short("n"), .within(1...8)) public var count = 4
        @Field("how far each may move from the source", .within(0.0...1.0)) public var strength = 0.5
        @Field(CreativeFields.seedSummary, CreativeFields.seed) public var seed: Int?
        @Field(CreativeFields.backendSummary, CreativeFields.backend) public var backend: String?
        public init() {}
    }

    public init() {}

    struct Request: Sendable {
        let source: URL
        let sourceAssetID: String?
        let count: Int
        let strength: Double
    }

    func plan(_ input: Input, context: ToolContext) throws -> CreativePlan<Request> {
        let source = try CreativeValidation.sourceImage(input.image, field: Input.name(of: \.image), settings: context.settings)
        var effective = input
        effective.image = source.assetID ?? source.url.path
        effective.seed = CreativeValidation.seed(input.seed)
        return try CreativePlan(
            request: Request(source: source.url, sourceAssetID: source.assetID, count: input.count, strength: input.strength),
            input: input, effective: effective, settings: context.settings)
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
