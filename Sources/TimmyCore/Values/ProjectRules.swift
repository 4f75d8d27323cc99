/// What a Director project accepts, said once: the Director checks requests against it and the API
/// document states it.
public enum ProjectRules {
    /// Seconds of finished video.
    public static let durations: ClosedRange<Double> = 30...900
    public static let backends = ["auto", "sketch", "worker"]
    /// The steps a project can wait for approval after.
    public static let pauses = ["script", "storyboard"]
    /// Characters of the prompt and of the title, after trimming.
    public static let maxPrompt = 2000
    public static let maxTitle = 120
    /// A project's and a scene's seed.
    public static let seeds = 0...4_294_967_295

    // The script's parts, as a model, a file or an edit gives them.
    /// Scenes in a script, numbered from 1.
    public static let maxScenes = 12
    /// Shots in one scene: enough for the longest film (900 s over 12 scenes, in shots of 8 s, is 10).
    public static let maxShotsPerScene = 12
    /// Seconds of one shot.
    public static let shotSeconds: ClosedRange<Double> = 1...30
    /// Characters of a shot's description.
    public static let maxShotDescription = 500
    /// Characters of a scene's description and of a lyric line.
    public static let maxSceneDescription = 1000
    public static let maxLyricText = 200
    /// Characters of the closing credits.
    public static let maxCredits = 1000
    /// Lines of lyrics in a script.
    public static let maxLyricLines = 200
    /// The parts of a song a lyric line may name.
    public static let lyricSections = ["verse", "chorus", "bridge"]
}
