import Foundation
import TimmyCore
import TimmyCreativeBackend

extension SketchBackend {
    /// How much larger than the frame the layers are drawn, leaving room for the camera to travel.
    static let layerMargin: Float = 1.3

    public func video(_ request: VideoRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport {
        try await ComputeExecutor.run { try await makeVideo(request, to: file, progress: progress) }
    }

    private func makeVideo(_ request: VideoRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport {
        var clock = StageClock()
        try await progress(0.02, request.source == nil ? "composing the scene" : "reading the source image")
        let (compositor, details) = try await compositor(for: request)
        clock.lap("compose")
        let count = max(1, Int((request.duration * Double(request.fps)).rounded()))
        let fps = request.fps
        let encoder = MediaProcess("ffmpeg", Self.encoderArguments(request, to: file), timeout: .seconds(600))
        let report = progress.stage(0.1...0.98)
        try await encoder.run { write in
            for index in 0..<count {
                try await write(compositor.frame(index, of: count, fps: fps))
                if index % max(1, count / 20) == 0 { try await report(Double(index) / Double(count), "frame \(index + 1) of \(count)") }
            }
        }
        clock.lap("render and encode")
        var allDetails = details
        allDetails["frames"] = .int(count)
        return RenderReport(model: Self.model, timings: clock.laps, details: allDetails)
    }

    private func compositor(for request: VideoRequest) async throws -> (FrameCompositor, [String: JSONValue]) {
        let frameWidth = Int((Float(request.width) * Self.layerMargin).rounded())
        let frameHeight = Int((Float(request.height) * Self.layerMargin).rounded())
        if let source = request.source {
            let image = try await ImageFile.read(source)
            let scale = max(Float(frameWidth) / Float(image.width), Float(frameHeight) / Float(image.height))
            let covering = image.canvas.resized(width: Int(Float(image.width) * scale), height: Int(Float(image.height) * scale))
            let layer = FrameCompositor.Layer(name: "image", depth: 0.5, canvas: covering, clampsAtEdges: true)
            let move = CameraMove(describing: request.prompt, seed: request.seed)
            let compositor = FrameCompositor(width: request.width, height: request.height, layers: [layer], move: move, weather: nil)
            return (compositor, ["motion": .string(Self.describe(move))])
        }
        let style = request.style ?? "cinematic"
        let painter = SketchPainter(moment: request.prompt, seed: request.seed)
        let drawn = painter.layers(width: request.width, height: request.height, margin: Self.layerMargin)
        let layers = drawn.layers.map { entry in
            FrameCompositor.Layer(
                name: entry.layer.name, depth: entry.layer.depth, canvas: entry.canvas,
                clampsAtEdges: !["light", "clouds", "birds", "fog"].contains(entry.layer.name))
        }
        let composer = painter.composer
        let weather: @Sendable (inout Canvas, Float, Double) -> Void = { canvas, unit, time in
            composer.drawWeather(&canvas, unit: unit, time: time)
            if style == "slow-motion" { composer.drawMotes(&canvas, unit: unit, time: time) }
        }
        let move = CameraMove(style: style, seed: request.seed, sunRises: painter.reading.time == .dawn)
        let compositor = FrameCompositor(width: request.width, height: request.height, layers: layers, move: move, weather: weather)
        return (compositor, ["scene": painter.reading.json, "style": .string(style), "layers": .array(layers.map { .string($0.name) })])
    }

    private static func describe(_ move: CameraMove) -> String {
        guard case .described(let from, let to, let travel, let shake) = move.kind else { return "style" }
        var parts = [from < to ? "zoom in" : (from > to ? "zoom out" : "steady")]
        if travel.x != 0 { parts.append(travel.x < 0 ? "pan left" : "pan right") }
        if travel.y != 0 { parts.append(travel.y < 0 ? "tilt up" : "tilt down") }
        if shake { parts.append("handheld") }
        return parts.joined(separator: ", ")
    }

    /// Raw RGB frames in on standard input; H.264 in yuv420p with the index at the front out.
    static func encoderArguments(_ request: VideoRequest, to file: URL) -> [String] {
        var arguments = [
            "-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "\(request.width)x\(request.height)", "-r", String(request.fps),
            "-i", "-", "-c:v", request.codec,
        ]
        if request.codec.hasPrefix("libx26") { arguments += ["-preset", "veryfast", "-crf", "20", "-tune", "animation"] }
        arguments += ["-pix_fmt", "yuv420p", "-movflags", "+faststart", "-y", file.path]
        return arguments
    }
}
