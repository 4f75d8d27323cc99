import TimmyCore

/// Lyra's `list_genres`: the genres with their tempo ranges and character, and the languages.
public struct ListGenresTool: Tool {
    public let name = "list_genres"
    public let family = "creative"
    public let summary = "List the music genres (tempo range, character) and the languages songs can be sung in"
    public let allowedPersonas = CreativeFields.lyra

    public init() {}

    public func run(_ input: NoInput, context: ToolContext) async throws -> ToolResult {
        let lines = Genre.all.map {
            "\($0.name): \($0.tempoRange.lowerBound)-\($0.tempoRange.upperBound) bpm (default \($0.defaultTempo)), \($0.character)"
        }
        let languages = SongLanguage.all.map { "\($0.code) \($0.name)" }
        return ToolResult(
            summary: "\(Genre.all.count) genres, \(SongLanguage.all.count) languages",
            text: (["Genres:"] + lines + ["", "Languages: " + languages.joined(separator: ", ")]).joined(separator: "\n"),
            data: [
                "genres": .array(
                    Genre.all.map { genre in
                        [
                            "name": .string(genre.name), "tempo_min": .int(genre.tempoRange.lowerBound),
                            "tempo_max": .int(genre.tempoRange.upperBound),
                            "default_tempo": .int(genre.defaultTempo), "character": .string(genre.character),
                        ]
                    }),
                "languages": .array(SongLanguage.all.map { ["code": .string($0.code), "name": .string($0.name)] }),
            ])
    }
}
