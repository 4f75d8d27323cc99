import Foundation
import TimmyCore
import TimmySketch

/// Pixel's `generate_storyboard`: a frame per scene, one world and one look across them, and a
/// contact sheet with the frames numbered in a grid.
public struct GenerateStoryboardTool: CreativeTool {
    public let name = "generate_storyboard"
    public let summary = "Draw a storyboard: one frame per scene in a consistent look, plus a numbered contact sheet"
    public let allowedPersonas = CreativeParameters.pixel
    public let parameters: [ToolParameter] = [
        .init("scenes", .array, "1-64 scene descriptions, one per frame", required: true),
        CreativeParameters.width(1024), CreativeParameters.height(576), CreativeParameters.steps(), CreativeParameters.seed,
        CreativeParameters.backend,
    ]

    public init() {}

    struct Request: Sendable {
        let frames: [ImageRequest]
    }

    func plan(_ arguments: ToolArguments, context: ToolContext) throws -> CreativePlan<Request> {
        guard case .array(let items)? = arguments.values["scenes"] else { throw ToolError.invalidArgument(name: "scenes", reason: "is required") }
        guard (1...64).contains(items.count) else {
            throw ToolError.invalidArgument(name: "scenes", reason: "must hold between 1 and 64 scenes, got \(items.count)")
        }
        var scenes: [String] = []
        for (index, item) in items.enumerated() {
            guard let scene = item.stringValue else {
                throw ToolError.invalidArgument(name: "scenes", reason: "must be a list of strings; scene \(index + 1) is \(item.typeName)")
            }
            if scene.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ToolError.invalidArgument(name: "scenes", reason: "must not hold an empty scene (scene \(index + 1))")
            }
            scenes.append(scene)
        }
        let length = scenes.reduce(0) { $0 + $1.count }
        if length > CreativeValidation.maxTextLength {
            throw ToolError.invalidArgument(
                name: "scenes", reason: "must be at most \(CreativeValidation.maxTextLength) characters in all, got \(length)")
        }
        let width = try CreativeValidation.dimension(arguments, "width")
        let height = try CreativeValidation.dimension(arguments, "height")
        let steps = try CreativeValidation.steps(arguments, settings: context.settings)
        let seed = try CreativeValidation.seed(arguments)
        let frames = scenes.enumerated().map { index, scene in
            ImageRequest(
                prompt: scene, negativePrompt: nil, width: width, height: height, steps: steps, seed: seed,
                series: .init(scenes: scenes, index: index))
        }
        return try CreativePlan(
            request: Request(frames: frames), arguments: arguments, settings: context.settings,
            parameters: ["scenes": .array(scenes.map(JSONValue.string)), "width": .int(width), "height": .int(height), "steps": .int(steps)],
            seed: seed)
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
