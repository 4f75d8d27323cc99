import TimmyCore

/// Lyra's `generate_instrumental`: an arrangement in a genre, no voice.
public struct GenerateInstrumentalTool: CreativeTool {
    public let name = "generate_instrumental"
    public let summary = "Make an instrumental piece from a description (WAV, with the MIDI file and a sidecar)"
    public let allowedPersonas = CreativeFields.lyra

    public struct Input: CreativeInput {
        @Field("what the music is about", .positional, CreativeFields.promptText) public var prompt: String
        @Field("the genre", CreativeFields.genre) public var genre = "cinematic"
        @Field(CreativeFields.musicDurationSummary, CreativeFields.musicDuration) public var duration = 60.0
        @Field(CreativeFields.tempoSummary, CreativeFields.tempo) public var tempo: Int?
        @Field(CreativeFields.seedSummary, CreativeFields.seed) public var seed: Int?
        @Field(CreativeFields.backendSummary, CreativeFields.backend) public var backend: String?
        public init() {}
    }

    public init() {}

    func plan(_ input: Input, context: ToolContext) throws -> CreativePlan<MusicRequest> {
        try MusicToolSupport.plan(input, genre: input.genre, tempo: \.tempo, settings: context.settings) { genre, tempo, seed in
            MusicRequest(
                kind: .instrumental, title: nil, lyrics: nil, prompt: input.prompt, genre: genre, duration: input.duration, tempo: tempo,
                language: SongLanguage.all[0], seed: seed)
        }
    }

    func perform(_ plan: CreativePlan<MusicRequest>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        try await MusicToolSupport.perform(name, plan, output: output, context: context)
    }
}
