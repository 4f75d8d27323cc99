import Foundation
import TimmyCore

/// Clips joined in order, cross-faded or cut, their own sound kept.
public struct StitchClipsTool: AssemblerTool {
    public let name = "stitch_clips"
    public let summary = "Join clips in order with cross-fades or hard cuts, keeping their sound (MP4, with a sidecar)"
    public let allowedPersonas = AssemblerFields.personas

    public struct Input: ToolInput {
        @Field(AssemblerFields.clipsSummary, .positional, .localPath, AssemblerFields.clips) public var clips: [String]
        @Field(AssemblerFields.transitionSummary, AssemblerFields.transition) public var transition: Double?
        @Field(AssemblerFields.presetSummary, AssemblerFields.preset) public var preset: String?
        @Field(AssemblerFields.fpsSummary, AssemblerFields.fps) public var fps = AssemblyEdit.Defaults.fps
        public init() {}
    }

    public init() {}

    func plan(_ input: Input, context: ToolContext) throws(ToolError) -> AssemblyPlan {
        let transition = input.transition ?? context.settings[.videoTransitionDuration]
        let edit = AssemblyEdit(
            clips: input.clips, transition: transition, preset: input.preset ?? AssemblyEdit.Defaults.preset, fps: input.fps, clipAudio: true)
        let joins = transition > 0 ? "\(transition) s cross-fades" : "hard cuts"
        return AssemblyPlan(edit: edit, presetFromSource: input.preset == nil, description: "\(input.clips.count) clips with \(joins)")
    }
}
