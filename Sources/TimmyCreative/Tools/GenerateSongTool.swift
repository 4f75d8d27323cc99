import TimmyCore

/// Lyra's `generate_song`: an arrangement in a genre with the lyrics sung over it.
public struct GenerateSongTool: CreativeTool {
    public let name = "generate_song"
    public let summary = "Make a song from lyrics: arrangement and vocals (WAV, with the MIDI file and a sidecar)"
    public let allowedPersonas = CreativeParameters.lyra
    public let parameters: [ToolParameter] = [
        .init("lyrics", .string, "the words, a line per phrase; blank lines or [verse]/[chorus] tags split sections", required: true),
        .init("genre", .string, "the genre", default: "pop", allowed: Genre.names),
        CreativeParameters.duration(120, MusicToolSupport.durationRange), CreativeParameters.language, CreativeParameters.tempo,
        .init("title", .string, "the song's title"), CreativeParameters.seed, CreativeParameters.backend,
    ]

    public init() {}

    func plan(_ arguments: ToolArguments, context: ToolContext) throws -> CreativePlan<MusicRequest> {
        let lyrics = try CreativeValidation.text(arguments, "lyrics")
        let genre = try MusicToolSupport.genre(arguments, "genre")
        let duration = try CreativeValidation.duration(arguments, in: MusicToolSupport.durationRange)
        let language = try MusicToolSupport.language(arguments)
        let tempo = try MusicToolSupport.tempo(arguments, genre: genre)
        let title = try CreativeValidation.optionalText(arguments, "title")
        let seed = try CreativeValidation.seed(arguments)
        let request = MusicRequest(
            kind: .song, title: title, lyrics: lyrics, prompt: nil, genre: genre, duration: duration, tempo: tempo, language: language, seed: seed)
        return try CreativePlan(
            request: request, arguments: arguments, settings: context.settings,
            parameters: [
                "lyrics": .string(lyrics), "genre": .string(genre.name), "duration": .double(duration), "language": .string(language.code),
                "tempo": .int(tempo), "title": title.map(JSONValue.string) ?? .null,
            ], seed: seed)
    }

    func perform(_ plan: CreativePlan<MusicRequest>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        try await MusicToolSupport.perform(name, plan, output: output, context: context)
    }
}
