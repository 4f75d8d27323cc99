import Foundation
import TimmyCore

/// An opening title card and closing credits around a video.
public struct AddTitleCardTool: AssemblerTool {
    public let name = "add_title_card"
    public let summary = "Open a video with a title card and close it with credits (text drawn by libass, any script)"
    public let allowedPersonas = AssemblerFields.personas

    public struct Input: ToolInput {
        @Field(AssemblerFields.videoSummary, .positional, .localPath) public var video: String
        @Field("the title card's text; newlines start new lines", .fromFile, AssemblerFields.cardText) public var title: String?
        @Field("the closing credits' text; newlines start new lines", .fromFile, AssemblerFields.cardText) public var credits: String?
        @Field("seconds each card shows", .within(AssemblyEdit.Limits.cardSeconds, unit: "seconds")) public var seconds = 3.0
        public init() {}
    }

    public init() {}

    func plan(_ input: Input, context: ToolContext) throws(ToolError) -> AssemblyPlan {
        guard input.title != nil || input.credits != nil else {
            throw Input.invalid(\.title, "or credits must be given: a card needs words")
        }
        let edit = AssemblyEdit(
            clips: [input.video], transition: 0, title: input.title.map { .init(text: $0, seconds: input.seconds) },
            credits: input.credits.map { .init(text: $0, seconds: input.seconds) }, clipAudio: true)
        return .oneVideo(
            edit, description: input.title ?? input.credits ?? "",
            renames: ["title.text": "title", "credits.text": "credits", "title.seconds": "seconds", "credits.seconds": "seconds"])
    }
}
