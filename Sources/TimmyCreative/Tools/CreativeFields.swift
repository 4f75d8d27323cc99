import TimmyCore

/// What several creative tools' inputs say of the fields they share, said once.
enum CreativeFields {
    static let maxTextLength = 20_000
    static let seedRange = 0...4_294_967_295

    static let promptText = FieldOption.text(maxLength: maxTextLength)
    static let seedSummary = "the seed that repeats a result; drawn at random when absent, and always recorded"
    static let seed = FieldOption.within(seedRange)
    static let backendSummary = "what makes it (default: the creative_backend setting)"
    static let backend = FieldOption.oneOf(BackendChoice.names)
    static let stepsSummary = "diffusion steps (default: the image_default_steps setting)"
    static let steps = FieldOption.within(1...100)
    static let dimensionSummary = "pixels"
    static let dimension = FieldOption.rule(.multiple(of: 16, within: 256...2048))
    static let imageSummary = "an image asset id, or the path of an image inside the data folders"
    static let languageSummary = "the language sung in"
    static let language = FieldOption.oneOf(SongLanguage.codes)
    static let genre = FieldOption.oneOf(Genre.names)
    static let tempoSummary = "beats per minute (default: the genre's)"
    static let tempo = FieldOption.within(40...240)
    static let musicDurationSummary = "seconds"
    static let musicDuration = FieldOption.within(10.0...600.0, unit: "seconds")
    static let clipDurationSummary = "seconds"
    static let clipDuration = FieldOption.within(1.0...10.0, unit: "seconds")
    static let resolutionSummary = "480p is 854×480, 720p is 1280×720 (default: the video_default_resolution setting)"
    static let resolution = FieldOption.oneOf(VideoResolution.names)
    static let fpsSummary = "frames per second"
    static let fps = FieldOption.within(8...60)

    /// The personas of each toolkit.
    static let pixel: Set<String> = ["pixel"]
    static let lyra: Set<String> = ["lyra"]
    static let reel: Set<String> = ["reel"]
}

/// The fields every creative tool's input has: the seed that repeats a result, and the backend.
protocol CreativeInput: ToolInput {
    var seed: Int? { get set }
    var backend: String? { get set }
}
