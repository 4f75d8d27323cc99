import Foundation
import TimmyCore

/// A song laid under a video: trimmed or looped to its length, faded, brought to a loudness.
public struct OverlayAudioTool: AssemblerTool {
    public let name = "overlay_audio"
    public let summary = "Lay a song under a video, trimmed or looped to its length, faded in and out, loudness-normalised (EBU R128)"
    public let allowedPersonas = AssemblerFields.personas

    public struct Input: ToolInput {
        @Field(AssemblerFields.videoSummary, .positional, .localPath) public var video: String
        @Field(AssemblerFields.musicSummary, .positional, .localPath) public var music: String
        @Field(AssemblerFields.fadeSummary, AssemblerFields.fade) public var fade = AssemblyEdit.Defaults.audioFade
        @Field(AssemblerFields.loudnessSummary, AssemblerFields.loudness) public var loudness = AssemblyEdit.Defaults.loudness
        public init() {}
    }

    public init() {}

    func plan(_ input: Input, context: ToolContext) throws(ToolError) -> AssemblyPlan {
        let edit = AssemblyEdit(clips: [input.video], transition: 0, music: input.music, audioFade: input.fade, loudness: input.loudness)
        return .oneVideo(edit, description: "music under the video at \(input.loudness) LUFS", renames: ["audio_fade": "fade"])
    }
}
