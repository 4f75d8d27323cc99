import TimmyCore

/// Lyra's `generate_song`: an arrangement in a genre with the lyrics sung over it.
public struct GenerateSongTool: CreativeTool {
    public let name = "generate_song"
    public let summary = "Make a song from lyrics: arrangement and vocals (WAV, with the MIDI file and a sidecar)"
    public let allowedPersonas = CreativeFields.lyra

    public struct Input: CreativeInput {
        @Field("the words, a line per phrase; blank lines or [verse]/[chorus] tags split sections", .fromFile, CreativeFields.promptText)
        public var lyrics: String
        @Field("the genre", CreativeFields.genre) public var genre = "pop"
        @Field(CreativeFields.musicDurationSummary, CreativeFields.musicDuration) public var duration = 120.0
        @Field(CreativeFields.languageSummary, CreativeFields.language) public var language = "en"
        @Field(CreativeFields.tempoSummary, CreativeFields.tempo) public var tempo: Int?
        @Field("the song's title", CreativeFields.promptText) public var title: String?
        @Field(CreativeFields.seedSummary, CreativeFields.seed) public var seed: Int?
        @Field(CreativeFields.backendSummary, CreativeFields.backend) public var backend: String?
        public init() {}
    }

    public init() {}

    func plan(_ input: Input, context: ToolContext) throws -> CreativePlan<MusicRequest> {
        try MusicToolSupport.plan(input, genre: input.genre, tempo: \.tempo, settings: context.settings) { genre, tempo, seed in
            MusicRequest(
                kind: .song, title: input.title, lyrics: input.lyrics, prompt: nil, genre: genre, duration: input.duration, tempo: tempo,
                language: try CreativeValidation.language(input.language), seed: seed)
        }
    }

    func perform(_ plan: CreativePlan<MusicRequest>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        try await MusicToolSupport.perform(name, plan, output: output, context: context)
    }
}
