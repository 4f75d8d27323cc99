import Foundation
import TimmyCore

/// What the three music tools share: resolving the genre, tempo and seed, and writing the WAV with
/// its MIDI file beside it.
enum MusicToolSupport {
    /// The call's plan: the genre checked, the tempo (where the tool has one) defaulting to the
    /// genre's, the seed drawn when absent; `request` builds the request from those.
    static func plan<Input: CreativeInput>(
        _ input: Input, genre name: String, tempo: WritableKeyPath<Input, Int?>? = nil, settings: Settings,
        request: (_ genre: Genre, _ tempo: Int, _ seed: Int) throws -> MusicRequest
    ) throws -> CreativePlan<MusicRequest> {
        let genre = try CreativeValidation.genre(name)
        var effective = input
        if let tempo { effective[keyPath: tempo] = input[keyPath: tempo] ?? genre.defaultTempo }
        effective.seed = CreativeValidation.seed(input.seed)
        let made = try request(genre, tempo.flatMap { effective[keyPath: $0] } ?? genre.defaultTempo, effective.seed ?? 0)
        return try CreativePlan(request: made, input: input, effective: effective, settings: settings)
    }

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
