import Foundation
import TimmyCore
import TimmyCreativeBackend

extension SketchBackend {
    public func variations(_ request: VariationRequest, to files: [URL], progress: ToolProgress) async throws -> [RenderReport] {
        try await ComputeExecutor.run { try await drawVariations(request, to: files, progress: progress) }
    }

    private func drawVariations(_ request: VariationRequest, to files: [URL], progress: ToolProgress) async throws -> [RenderReport] {
        var clock = StageClock()
        try await progress(0.02, "reading the source image")
        let source = try await ImageFile.read(request.source)
        let canvas = source.canvas
        clock.lap("read")
        var reports: [RenderReport] = []
        for (index, file) in files.enumerated() {
            // The read is shared: each variation's sidecar records it, and its own drawing and encoding.
            var own = StageClock()
            let stage = progress.stage(0.05 + 0.95 * Double(index) / Double(files.count)...0.05 + 0.95 * Double(index + 1) / Double(files.count))
            try await stage(0, "variation \(index + 1) of \(files.count): shifting palette, framing and light")
            let variation = ImageVariation(strength: request.strength, seed: request.seed, index: index)
            let shifted = variation.apply(to: canvas)
            own.lap("draw")
            try await stage(0.6, "variation \(index + 1) of \(files.count): encoding PNG")
            try Data(Self.png(shifted, description: "variation \(index + 1) of \(request.source.lastPathComponent)")).write(to: file)
            own.lap("encode")
            reports.append(
                RenderReport(
                    model: Self.model,
                    timings: own.laps.merging(clock.laps) { $1 },
                    details: [
                        "changes": .object(variation.changes.mapValues(JSONValue.double)), "width": .int(source.width), "height": .int(source.height),
                    ]
                )
            )
        }
        return reports
    }
}
