import Foundation
import TimmyCore
import TimmyCreativeBackend

extension SketchBackend {
    public func image(_ request: ImageRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport {
        try await ComputeExecutor.run { try await drawImage(request, to: file, progress: progress) }
    }

    private func drawImage(_ request: ImageRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport {
        var clock = StageClock()
        try await progress(0.05, "reading the prompt")
        let scenes = request.series?.scenes ?? []
        let index = request.series?.index ?? 0
        let painter = SketchPainter(
            moment: request.prompt, earlier: Array(scenes.prefix(index)), later: Array(scenes.dropFirst(index + 1)),
            excluding: request.negativePrompt,
            seed: request.seed)
        let pan = Float(index) * 0.45
        let caption = request.series.map { "\($0.index + 1)/\($0.scenes.count) · \(request.prompt)" } ?? request.prompt
        try await progress(0.15, "drawing the scene")
        let canvas = painter.still(width: request.width, height: request.height, pan: pan, caption: Self.captionText(caption))
        clock.lap("draw")
        try await progress(0.7, "encoding PNG")
        try Data(Self.png(canvas, description: request.prompt)).write(to: file)
        clock.lap("encode")
        return RenderReport(model: Self.model, timings: clock.laps, details: ["scene": painter.reading.json])
    }

    /// PNG bytes labelled as a sketch.
    static func png(_ canvas: Canvas, description: String) throws(CreativeError) -> [UInt8] {
        try PNGEncoder.encode(
            rgb: canvas.rgb8(), width: canvas.width, height: canvas.height,
            text: [("Software", "Timmy sketch backend: a procedural draft, no model"), ("Description", String(description.prefix(500)))])
    }

    /// One line of caption from any text: whitespace folded, so lyrics and multi-line prompts read.
    static func captionText(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension SceneReading {
    /// What the sketch understood, for the sidecar.
    var json: JSONValue {
        [
            "time": .string(time.rawValue), "weather": .string(weather.rawValue), "mood": .string(mood.rawValue),
            "framing": .string(framing.rawValue),
            "landforms": .array(landforms.map(\.rawValue).sorted().map(JSONValue.string)),
            "sky": .array(sky.map(\.rawValue).sorted().map(JSONValue.string)), "words": .array(understood.map(JSONValue.string)),
        ]
    }
}
