import Foundation
import TimmyCore

/// A video delivered in a preset frame: H.264 + AAC, yuv420p, index at the front.
public struct ExportFinalTool: AssemblerTool {
    public let name = "export_final"
    public let summary = "Deliver a video in a preset frame (480p/720p/1080p at 16:9, 9:16, 1:1): H.264 + AAC, yuv420p, faststart"
    public let allowedPersonas = AssemblerFields.personas

    public struct Input: ToolInput {
        @Field(AssemblerFields.videoSummary, .positional, .localPath) public var video: String
        @Field(AssemblerFields.presetSummary, AssemblerFields.preset) public var preset: String?
        @Field("the FFmpeg video encoder (default: the default_video_codec setting)", .text(maxLength: 64)) public var codec: String?
        @Field(AssemblerFields.fpsSummary, AssemblerFields.fps) public var fps = AssemblyEdit.Defaults.fps
        public init() {}
    }

    public init() {}

    func plan(_ input: Input, context: ToolContext) throws(ToolError) -> AssemblyPlan {
        let edit = AssemblyEdit(
            clips: [input.video], transition: 0, preset: input.preset ?? AssemblyEdit.Defaults.preset, codec: input.codec, fps: input.fps,
            clipAudio: true)
        let codec = input.codec ?? context.settings[.defaultVideoCodec]
        return .oneVideo(edit, presetFromSource: input.preset == nil, description: "exported at \(input.preset ?? "its own size") with \(codec)")
    }
}
