import Foundation
import TimmyCore

/// The Director's assembly: an edit file made into the finished video with one FFmpeg filter graph.
public struct AssembleVideoTool: AssemblerTool {
    public let name = "assemble_video"
    public let summary = "Assemble a finished video from an edit file: clips, cross-fades, music, title, credits, captions (MP4 + SRT)"
    public let allowedPersonas = AssemblerFields.personas

    public struct Input: ToolInput {
        @Field("the edit: a JSON file inside the data folders or the workspace (see docs/creative.md)", .positional, .localPath)
        public var edit: String
        @Field("where the MP4 goes, inside creative_output_dir, its .srt beside it (default: a new asset in video_output_dir)", .localPath)
        public var output: String?
        public init() {}
    }

    public init() {}

    func plan(_ input: Input, context: ToolContext) throws(ToolError) -> AssemblyPlan {
        let settings = context.settings
        let file = try AssemblerPaths.readable(input.edit, field: Input.name(of: \.edit), settings: settings)
        let edit: AssemblyEdit
        do { edit = try AssemblyEdit.load(file, settings: settings) } catch { throw error.toolError }
        let output = try input.output.map { path throws(ToolError) in
            try AssemblerPaths.output(path, field: Input.name(of: \.output), settings: settings)
        }
        return AssemblyPlan(edit: edit, output: output, description: Self.describe(edit, file: file))
    }

    /// A line saying what the edit holds.
    static func describe(_ edit: AssemblyEdit, file: URL) -> String {
        var parts = ["\(edit.clips.count) clip(s)", edit.transition > 0 ? "\(edit.transition) s cross-fades" : "hard cuts"]
        if edit.music != nil { parts.append("music") }
        if let title = edit.title { parts.append("title \"\(title.text.split(separator: "\n").first ?? "")\"") }
        if !edit.captions.isEmpty { parts.append("\(edit.captions.count) caption(s)") }
        if edit.credits != nil { parts.append("credits") }
        return "\(file.lastPathComponent): " + parts.joined(separator: ", ") + " at \(edit.preset)"
    }
}
