import TimmyCore

/// Lyra's `generate_instrumental`: an arrangement in a genre, no voice.
public struct GenerateInstrumentalTool: CreativeTool {
    public let name = "generate_instrumental"
    public let summary = "Make an instrumental piece from a description (WAV, with the MIDI file and a sidecar)"
    public let allowedPersonas = CreativeParameters.lyra
    public let parameters: [ToolParameter] = [
        .init("prompt", .string, "what the music is about, at most 20,000 characters", required: true),
        .init("genre", .string, "the genre", default: "cinematic", allowed: Genre.names),
        CreativeParameters.duration(60, MusicToolSupport.durationRange), CreativeParameters.tempo, CreativeParameters.seed,
        CreativeParameters.backend,
    ]

    public init() {}

    func plan(_ arguments: ToolArguments, context: ToolContext) throws -> CreativePlan<MusicRequest> {
        let prompt = try CreativeValidation.text(arguments, "prompt")
        let genre = try MusicToolSupport.genre(arguments, "genre")
        let duration = try CreativeValidation.duration(arguments, in: MusicToolSupport.durationRange)
        let tempo = try MusicToolSupport.tempo(arguments, genre: genre)
        let seed = try CreativeValidation.seed(arguments)
        let request = MusicRequest(
            kind: .instrumental, title: nil, lyrics: nil, prompt: prompt, genre: genre, duration: duration, tempo: tempo,
            language: SongLanguage.all[0], seed: seed)
        return try CreativePlan(
            request: request, arguments: arguments, settings: context.settings,
            parameters: ["prompt": .string(prompt), "genre": .string(genre.name), "duration": .double(duration), "tempo": .int(tempo)], seed: seed)
    }

    func perform(_ plan: CreativePlan<MusicRequest>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        try await MusicToolSupport.perform(name, plan, output: output, context: context)
    }
}
