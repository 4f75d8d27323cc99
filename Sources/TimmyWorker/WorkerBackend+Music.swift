import Foundation
import TimmyCore
import TimmyCreativeBackend

extension WorkerBackend {
    public func music(_ request: MusicRequest, to file: URL, progress: ToolProgress) async throws -> RenderReport {
        var caption = [request.genre.name, request.genre.character, "\(request.tempo) bpm"]
        if let prompt = request.prompt { caption.insert(prompt, at: 0) }
        if let title = request.title { caption.append("title: \(title)") }
        var params: [String: JSONValue] = [
            "prompt": .string(caption.joined(separator: ", ")), "duration": .double(request.duration), "language": .string(request.language.code),
            "bpm": .int(request.tempo), "seed": .int(request.seed),
        ]
        if request.kind != .instrumental, let lyrics = request.lyrics { params["lyrics"] = .string(lyrics) }
        // A vocal stem is ACE-Step's whole song with the vocals then extracted from it (docs/worker-protocol.md).
        if request.kind == .vocals { params["stem"] = "vocals" }
        let operation = ["song": "generate_song", "instrumental": "generate_instrumental", "vocals": "generate_vocals"][request.kind.rawValue]!
        let outcome = try await job(.music, params: params, operation: operation, beside: file, progress: progress.stage(0...0.95))
        let started = ContinuousClock.now
        try await progress(0.96, "resampling to 44.1 kHz")
        try await WorkerMedia.conformAudio(outcome.file, to: file, duration: request.duration)
        try? FileManager.default.removeItem(at: outcome.file)
        return outcome.report(adding: ["conform": (ContinuousClock.now - started).seconds], details: ["caption": params["prompt"]!])
    }
}
