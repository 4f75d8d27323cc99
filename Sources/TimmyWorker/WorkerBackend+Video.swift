import Foundation
import TimmyCore
import TimmyCreativeBackend

extension WorkerBackend {
    /// Wan 2.1's native frame rate.
    static let modelFPS = 16

    public func video(_ request: VideoRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport {
        // Wan makes 4k+1 frames at 16 fps; enough to cover the duration, then FFmpeg brings them to the asked rate.
        let frames = 4 * Int((request.duration * Double(Self.modelFPS) / 4).rounded(.up)) + 1
        let scale = settings[.workerVideoScale]
        let width = max(16, Int((Double(request.width) * scale / 16).rounded()) * 16)
        let height = max(16, Int((Double(request.height) * scale / 16).rounded()) * 16)
        var params: [String: JSONValue] = [
            "prompt": .string(([request.prompt] + (request.style.map { ["\($0) style"] } ?? [])).joined(separator: ", ")),
            "width": .int(width), "height": .int(height), "num_frames": .int(frames), "steps": .int(settings[.wanSteps]),
            "seed": .int(request.seed),
        ]
        if let source = request.source { params["image"] = .string(try Data(contentsOf: source).base64EncodedString()) }
        let outcome = try await job(
            request.workerFamily, params: params, operation: request.source == nil ? "generate_video_clip" : "image_to_video", beside: file,
            progress: progress.stage(0...0.93))
        let started = ContinuousClock.now
        try await progress(0.95, "bringing \(frames) frames to \(request.fps) fps at \(request.width)×\(request.height)")
        try await WorkerMedia.conformVideo(outcome.file, to: file, request: request)
        try? FileManager.default.removeItem(at: outcome.file)
        return outcome.report(
            adding: ["conform": (ContinuousClock.now - started).seconds],
            details: ["generated_width": .int(width), "generated_height": .int(height), "model_fps": .int(Self.modelFPS)])
    }
}
