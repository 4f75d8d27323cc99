import Foundation
import TimmyCore

extension SketchBackend {
    public func variation(_ request: VariationRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport {
        var clock = StageClock()
        try await progress(0.05, "reading the source image")
        let source = try await ImageFile.read(request.source)
        clock.lap("read")
        try await progress(0.3, "shifting palette, framing and light")
        let variation = ImageVariation(strength: request.strength, seed: request.seed, index: request.index)
        let canvas = variation.apply(to: source.canvas)
        clock.lap("draw")
        try await progress(0.75, "encoding PNG")
        try Data(Self.png(canvas, description: "variation \(request.index + 1) of \(request.source.lastPathComponent)")).write(to: file)
        clock.lap("encode")
        return RenderReport(
            model: Self.model, timings: clock.laps,
            details: ["changes": .object(variation.changes.mapValues(JSONValue.double)), "width": .int(source.width), "height": .int(source.height)])
    }
}
