import Foundation
import Synchronization
import TimmyAPI
import TimmyCore
import TimmyCreativeBackend
import TimmyStore

/// Where the tool finds the Director, which is made after the tool registry it sits in.
public final class DirectorLink: Sendable {
    private let director = Mutex<Director?>(nil)

    public init() {}

    public func connect(_ director: Director) { self.director.withLock { $0 = director } }

    var current: Director? { director.withLock { $0 } }
}

/// `create_music_video`: a whole project from one prompt, for the swarm's tasks ("make a music
/// video about …" is planned as this call). Reel wins the task and the Director does the work,
/// each step a job of its own linked to the task; the result names the project and its final.mp4.
public struct CreateMusicVideoTool: Tool {
    public let name = "create_music_video"
    public let family = "director"
    public let summary = "Make a finished music video from a prompt: script, storyboard, song, clips and assembly (the Creative Director)"
    public let allowedPersonas: Set<String> = ["reel", "timmy"]

    public struct Input: ToolInput {
        @Field("what the video is about, in words", .positional, .text(maxLength: 2000)) public var prompt: String
        @Field("seconds (default: the length the prompt names, else 180)", .within(30.0...900.0, unit: "seconds")) public var duration: Double?
        @Field("the genre (default: the one the prompt names, else pop)", .oneOf(Genre.names)) public var genre: String?
        @Field("the look and camera (default cinematic)", .oneOf(VideoStyle.names)) public var style: String?
        @Field("480p is 854×480, 720p is 1280×720 (default: video_default_resolution)", .oneOf(VideoResolution.names)) public var resolution: String?
        @Field("what makes the media (default: creative_backend)", .oneOf(ProjectRules.backends)) public var backend: String?
        public init() {}
    }

    let link: DirectorLink

    public init(link: DirectorLink) { self.link = link }

    public func run(_ input: Input, context: ToolContext) async throws -> ToolResult {
        guard let director = link.current else { throw ToolError.failed("the Creative Director is not running") }
        let request = CreateProjectRequest(
            prompt: input.prompt, duration: input.duration, genre: input.genre, style: input.style, resolution: input.resolution,
            backend: input.backend)
        let created: ProjectRecord
        do {
            created = try await director.create(request, taskID: context.taskID)
        } catch let error as DirectorError {
            throw ToolError.failed(error.description)
        }
        await director.wait(for: created.id)
        guard let finished = try await director.store.project(created.id) else { throw ToolError.failed("project \(created.id) vanished") }
        let folder = ProjectFolder(project: created.id, settings: context.settings)
        guard finished.status == .completed else {
            throw ToolError.failed("project \(created.id) \(finished.status.rawValue): \(finished.error ?? "no reason recorded")")
        }
        return ToolResult(
            summary: "create_music_video: project \(created.id) → \(folder.final.path)",
            text:
                "Project \(created.id) “\(created.title)” is finished: \(folder.final.path) (subtitles \(folder.subtitles.path), record \(folder.manifest.path)).",
            data: ["project": .string(created.id), "final": .string(folder.final.path), "subtitles": .string(folder.subtitles.path)])
    }
}
