import Foundation
import TimmyCore
import TimmySketch

/// Pixel's `generate_storyboard`: a frame per scene, one world and one look across them, and a
/// contact sheet with the frames numbered in a grid.
public struct GenerateStoryboardTool: CreativeTool {
    public let name = "generate_storyboard"
    public let summary = "Draw a storyboard: one frame per scene in a consistent look, plus a numbered contact sheet"
    public let allowedPersonas = CreativeFields.pixel

    public struct Input: CreativeInput {
        @Field("scene descriptions, one per frame", .positional, .fromFile, .rule(.items(1...64, of: "scene"))) public var scenes: [String]
        @Field(CreativeFields.dimensionSummary, CreativeFields.dimension) public var width = 1024
        @Field(CreativeFields.dimensionSummary, CreativeFields.dimension) public var height = 576
        @Field(CreativeFields.stepsSummary, CreativeFields.steps) public var steps: Int?
        @Field(CreativeFields.seedSummary, CreativeFields.seed) public var seed: Int?
        @Field(CreativeFields.backendSummary, CreativeFields.backend) public var backend: String?
        public init() {}
    }

    public init() {}

    struct Request: Sendable {
        let frames: [ImageRequest]
    }

    func plan(_ input: Input, context: ToolContext) throws -> CreativePlan<Request> {
        let scenes = input.scenes
        let length = scenes.reduce(0) { $0 + $1.count }
        if length > CreativeFields.maxTextLength {
            throw Input.invalid(\.scenes, "must be at most \(CreativeFields.maxTextLength) characters in all, got \(length)")
        }
        var effective = input
        effective.steps = CreativeValidation.steps(input.steps, settings: context.settings)
        effective.seed = CreativeValidation.seed(input.seed)
        let frames = scenes.enumerated().map { index, scene in
            ImageRequest(
                prompt: scene, negativePrompt: nil, width: input.width, height: input.height, steps: effective.steps ?? 0, seed: effective.seed ?? 0,
                series: .init(scenes: scenes, index: index))
        }
        return try CreativePlan(request: Request(frames: frames), input: input, effective: effective, settings: context.settings)
    }

    func perform(_ plan: CreativePlan<Request>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        let frames = plan.request.frames
        let sheetID = UUID().uuidString.lowercased()
        let folder = context.settings.imageOutputDirectory
        var assets: [ProducedAsset] = []
        var files: [URL] = []
        for (index, frame) in frames.enumerated() {
            let share = 0.9 / Double(frames.count)
            let stage = context.progress.stage(Double(index) * share...Double(index + 1) * share)
            let (id, file) = output.newFile(extension: "png")
            let report = try await plan.backend.image(frame, to: file, progress: stage)
            var sidecar = plan.sidecar(tool: name, kind: .image, prompt: frame.prompt, report: report)
            sidecar.width = frame.width
            sidecar.height = frame.height
            sidecar.related = ["storyboard": ["contact_sheet": .string(sheetID), "scene": .int(index + 1), "of": .int(frames.count)]]
            let asset = try output.publish(file, id: id, into: folder, companions: report.companions, sidecar: sidecar)
            assets.append(asset)
            files.append(URL(fileURLWithPath: asset.path))
        }
        try await context.progress(0.92, "laying out the contact sheet")
        let sheetFile = output.scratch.appendingPathComponent("\(sheetID).png")
        let report = try await ContactSheet(frames: files, scenes: frames.map(\.prompt), model: assets[0].model).write(to: sheetFile)
        var sidecar = plan.sidecar(
            tool: name, kind: .image, prompt: frames.map(\.prompt).joined(separator: "\n"), promptField: "scenes", report: report)
        sidecar.width = report.details["width"]?.intValue
        sidecar.height = report.details["height"]?.intValue
        sidecar.related = ["storyboard": ["frames": .array(assets.map { .string($0.id) })]]
        let sheet = try output.publish(sheetFile, id: sheetID, into: folder, companions: [], sidecar: sidecar)
        return CreativeResult.make(
            name, assets + [sheet], backend: plan.backend.name, settings: context.settings,
            extra: ["contact_sheet": .string(sheet.id), "frames": .array(assets.map { .string($0.id) })])
    }
}
