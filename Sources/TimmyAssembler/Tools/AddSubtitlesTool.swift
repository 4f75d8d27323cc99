import Foundation
import TimmyCore

/// Timed captions on a video: burned into the picture (or not), always a soft subtitle track and an `.srt` beside it.
public struct AddSubtitlesTool: AssemblerTool {
    public let name = "add_subtitles"
    public let summary = "Add timed captions or lyrics to a video: burned in, plus a soft subtitle track and an .srt beside it"
    public let allowedPersonas = AssemblerFields.personas

    public struct Input: ToolInput {
        @Field(AssemblerFields.videoSummary, .positional, .localPath) public var video: String
        @Field(
            "the captions: an .srt file, or a JSON list of {start, end, text} in seconds, inside the data folders or the workspace", .positional,
            .localPath)
        public var captions: String
        @Field("draw the captions into the picture too") public var burn = true
        public init() {}
    }

    public init() {}

    func plan(_ input: Input, context: ToolContext) throws(ToolError) -> AssemblyPlan {
        let field = Input.name(of: \.captions)
        let file = try AssemblerPaths.readable(input.captions, field: field, settings: context.settings)
        let captions: [AssemblyEdit.Caption]
        do { captions = try CaptionFile.read(file, field: field) } catch { throw error.toolError }
        let edit = AssemblyEdit(clips: [input.video], transition: 0, captions: captions, burnCaptions: input.burn, clipAudio: true)
        return .oneVideo(edit, description: "\(captions.count) caption(s) from \(file.lastPathComponent)")
    }
}
