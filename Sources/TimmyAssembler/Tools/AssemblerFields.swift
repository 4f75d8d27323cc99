import TimmyCore

/// What the assembler tools' inputs say of the fields they share, said once.
enum AssemblerFields {
    /// The personas that assemble: Reel, and Timmy for the Director.
    static let personas: Set<String> = ["reel", "timmy"]

    static let videoSummary = "the video: a video asset id, or the path of an MP4 inside the data folders"
    static let clipsSummary = "the clips in order: video asset ids, or paths of MP4s inside the data folders"
    static let clips = FieldOption.rule(.items(AssemblyEdit.Limits.clips, of: "clip"))
    static let musicSummary = "the song: a music asset id, or the path of a WAV or MP3 inside the data folders"
    static let transitionSummary = "seconds of cross-fade between clips, 0 for hard cuts (default: the video_transition_duration setting)"
    static let transition = FieldOption.within(AssemblyEdit.Limits.transition, unit: "seconds")
    static let presetSummary = "the frame: 480p, 720p or 1080p, each also -9:16 or -1:1 (default: the video's own size)"
    static let preset = FieldOption.oneOf(VideoPreset.names)
    static let fadeSummary = "seconds the music fades in and out"
    static let fade = FieldOption.within(AssemblyEdit.Limits.audioFade, unit: "seconds")
    static let loudnessSummary = "integrated loudness target in LUFS (EBU R128)"
    static let loudness = FieldOption.within(AssemblyEdit.Limits.loudness, unit: "LUFS")
    static let fpsSummary = "frames per second of the result"
    static let fps = FieldOption.within(AssemblyEdit.Limits.fps)
    static let cardText = FieldOption.text(maxLength: AssemblyEdit.Limits.textLength)
}
