import Foundation
import TimmyCore
import TimmyCreativeBackend

extension WorkerBackend {
    public func image(_ request: ImageRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport {
        var params: [String: JSONValue] = [
            "prompt": .string(request.prompt), "width": .int(request.width), "height": .int(request.height), "steps": .int(request.steps),
            "seed": .int(request.seed),
        ]
        var operation = "generate_image"
        if let series = request.series {
            operation = "generate_storyboard"
            if series.index > 0, let first = await self.series.reference(for: series.scenes) {
                params["reference_images"] = [.string(first.base64EncodedString())]
            }
        }
        let outcome = try await job(.image, params: params, operation: operation, beside: file, progress: progress)
        try FileManager.default.moveItem(at: outcome.file, to: file)
        if let series = request.series, series.index == 0 { await self.series.keep(try Data(contentsOf: file), scenes: series.scenes) }
        var extra: [String: JSONValue] = [:]
        if request.negativePrompt != nil { extra["negative_prompt"] = "not used: FLUX.2 Klein runs without guidance, so it has no negative prompt" }
        if let series = request.series, series.index > 0 { extra["reference"] = "frame 1 of the storyboard" }
        return outcome.report(details: extra)
    }

    public func variations(_ request: VariationRequest, to files: [URL], progress: ToolProgress) async throws -> [RenderReport] {
        let source = try Data(contentsOf: request.source)
        let size = try await WorkerMedia.size(of: request.source)
        // Klein works in multiples of 16; the variation is scaled back to the source's own size.
        let width = max(16, size.width / 16 * 16)
        let height = max(16, size.height / 16 * 16)
        var reports: [RenderReport] = []
        for (index, file) in files.enumerated() {
            let share = 1.0 / Double(files.count)
            let params: [String: JSONValue] = [
                "prompt": .string(Self.variationPrompt(strength: request.strength)), "width": .int(width), "height": .int(height),
                "steps": .int(settings[.imageDefaultSteps]), "seed": .int(request.seed + index),
                "reference_images": [.string(source.base64EncodedString())],
            ]
            let outcome = try await job(
                .image, params: params, operation: "image_variations", beside: file,
                progress: progress.stage(Double(index) * share...Double(index + 1) * share))
            let started = ContinuousClock.now
            if (width, height) == size {
                try FileManager.default.moveItem(at: outcome.file, to: file)
            } else {
                try await WorkerMedia.scaleImage(outcome.file, to: file, width: size.width, height: size.height)
                try? FileManager.default.removeItem(at: outcome.file)
            }
            reports.append(
                outcome.report(
                    adding: ["scale": (ContinuousClock.now - started).seconds],
                    details: ["width": .int(size.width), "height": .int(size.height), "strength": .double(request.strength)]))
        }
        return reports
    }

    /// Klein's reference editing has no strength knob; how far a variation may move is said in its prompt.
    static func variationPrompt(strength: Double) -> String {
        switch strength {
        case ..<0.34: "the same picture, with small changes in its details"
        case ..<0.67: "a variation of this picture: the same subject and composition, other details"
        default: "a free reinterpretation of this picture"
        }
    }
}
