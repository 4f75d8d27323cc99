import TimmyCore

/// Lyra's `generate_vocals`: the sung lyrics alone, a stem to lay over other music.
public struct GenerateVocalsTool: CreativeTool {
    public let name = "generate_vocals"
    public let summary = "Sing lyrics alone: the vocal stem (WAV, with the melody's MIDI file and a sidecar)"
    public let allowedPersonas = CreativeFields.lyra

    public struct Input: CreativeInput {
        @Field("the words, a line per phrase", .fromFile, CreativeFields.promptText) public var lyrics: String
        @Field("the genre whose phrasing and singer to use", CreativeFields.genre) public var style = "pop"
        @Field(CreativeFields.musicDurationSummary, CreativeFields.musicDuration) public var duration = 60.0
        @Field(CreativeFields.languageSummary, CreativeFields.language) public var language = "en"
        @Field(CreativeFields.seedSummary, CreativeFields.seed) public var seed: Int?
        @Field(CreativeFields.backendSummary, CreativeFields.backend) public var backend: String?
        public init() {}
    }

    public init() {}

    func plan(_ input: Input, context: ToolContext) throws -> CreativePlan<MusicRequest> {
        try MusicToolSupport.plan(input, genre: input.style, settings: context.settings) { genre, tempo, seed in
            MusicRequest(
                kind: .vocals, title: nil, lyrics: input.lyrics, prompt: nil, genre: genre, duration: input.duration, tempo: tempo,
                language: try CreativeValidation.language(input.language), seed: seed)
        }
    }

    func perform(_ plan: CreativePlan<MusicRequest>, output: MediaOutput, context: ToolContext) async throws -> ToolResult {
        try await MusicToolSupport.perform(name, plan, output: output, context: context)
    }
}
