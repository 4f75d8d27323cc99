import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore

/// `timmy create "…"`: a finished music video from one prompt, by the Creative Director.
struct CreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Make a music video from a prompt: script, storyboard, song, clips, final.mp4 (the Creative Director).",
        discussion: """
            Examples:
              timmy create "A 3-minute music video about a sunrise over mountains"
              timmy create "rain on a harbour" --duration 60 --genre lo-fi --style documentary --pause-after storyboard
              timmy create "my song" --script script.yaml
            Draws a bar per step and one overall; exits with status 1 when the project fails.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "What the video is about, in words.")
    var prompt: String

    @Option(help: "Seconds, 30-900 (default: the length the prompt names, else 180).")
    var duration: Double?

    @Option(help: "The genre (`timmy genres`; default: the one the prompt names, else pop).")
    var genre: String?

    @Option(help: "The look and camera (`timmy styles`; default cinematic).")
    var style: String?

    @Option(help: "480p (854x480) or 720p (1280x720); default: video_default_resolution.")
    var resolution: String?

    @Option(help: "auto, sketch or worker (default: creative_backend).")
    var backend: String?

    @Option(help: "Wait for approval after this step: script or storyboard.")
    var pauseAfter: String?

    @Option(help: ArgumentHelp("A script to use instead of writing one (JSON or YAML).", valueName: "file"))
    var script: String?

    @Option(help: "The title (default: the script's).")
    var title: String?

    @Option(help: "The seed every step's seed derives from (default: drawn).")
    var seed: Int?

    func run() async throws {
        var text: String?
        if let script {
            do { text = try String(contentsOfFile: script, encoding: .utf8) } catch {
                throw ValidationError("--script: cannot read \(script): \(error.localizedDescription)")
            }
        }
        let request = CreateProjectRequest(
            prompt: prompt, title: title, duration: duration, genre: genre, style: style, resolution: resolution, backend: backend,
            pauseAfter: pauseAfter, script: text, scriptName: script.map { URL(fileURLWithPath: $0).lastPathComponent }, seed: seed)
        try await ProjectsCommand.follow(options) { service in try await service.createProject(request).project.id }
    }
}
