import Foundation
import TimmyCore

/// What the three music tools share: writing the WAV with its MIDI file beside it.
enum MusicToolSupport {
    static func perform(
        _ tool: String, _ plan: CreativePlan<MusicRequest>, output: MediaOutput, context: ToolContext
    ) async throws -> ToolResult {
        let request = plan.request
        let (id, file) = output.newFile(extension: "wav")
        let report = try await plan.backend.music(request, to: file, progress: context.progress.stage(0...0.97))
        let lyrical = request.kind != .instrumental
        var sidecar = plan.sidecar(
            tool: tool, kind: .audio, prompt: (lyrical ? request.lyrics : request.prompt) ?? "", promptField: lyrical ? "lyrics" : "prompt",
            report: report)
        sidecar.duration = request.duration
        if let title = request.title { sidecar.related["title"] = .string(title) }
        let asset = try output.publish(file, id: id, into: context.settings.musicOutputDirectory, companions: report.companions, sidecar: sidecar)
        return CreativeResult.make(
            tool, [asset], backend: plan.backend.name, settings: context.settings,
            extra: [
                "midi": report.companions.isEmpty
                    ? .null
                    : .string(
                        context.settings.musicOutputDirectory.appendingPathComponent("\(id).mid").path)
            ])
    }
}
