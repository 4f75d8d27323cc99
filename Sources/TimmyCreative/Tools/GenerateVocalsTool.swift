import TimmyCore

/// Lyra's `generate_vocals`: the sung lyrics alone, a stem to lay over other music.
public struct GenerateVocalsTool: CreativeTool {
    public let name = "generate_vocals"
    public let summary = "Sing lyrics alone: the vocal stem (WAV, with the melody's MIDI file and a sidecar)"
    public let allowedPersonas = CreativeParameters.lyra
    public let parameters: [ToolParameter] = [
        .init("lyrics", .string, "the words, a line per phrase", required: true),
        .init("style", .string, "the genre whose phrasing and singer to use", default: "pop", allowed: Genre.names),
        CreativeParameters.duration(60, MusicToolSupport.durationRange), CreativeParameters.language, CreativeParameters.seed,
        CreativeParameters.backend,
    ]

    public init() {}

    func plan(_ arguments: ToolArguments, context: ToolContext) throws -> CreativePlan<MusicRequest> {
        let lyrics = try CreativeValidation.text(arguments, "lyrics")
        let genre = try MusicToolSupport.genre(arguments, "style")
        let duration = try CreativeValidation.duration(arguments, in: MusicToolSupport.durationRange)
        let language = try MusicToolSupport.language(arguments)
        let seed = try CreativeValidation.seed(arguments)
        let request = MusicRequest(
            kind: .vocals, title: nil, lyrics: lyrics, prompt: nil, genre: genre, duration: duration, tempo: genre.defaultTempo, language: language,
            seed: seed)
        return try CreativePlan(
            request: request, arguments: arguments, settings: context.settings,
            parameters: [
                "lyrics": .string(lyrics), "style": .string(genre.name), "duration": .double(duration), "language": .string(language.code),
                "tempo": .int(genre.defaultTempo),
            ], seed: seed)
    }

    func perform(_ plan: CreativePlan<MusicRequest>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        try await MusicToolSupport.perform(name, plan, output: output, context: context)
    }
}
