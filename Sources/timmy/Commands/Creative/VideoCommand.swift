import ArgumentParser
import TimmyCore

/// `timmy video "prompt"` and `timmy video --from-image ASSET "motion"`: Reel makes a clip.
struct VideoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "video", abstract: "Make a video clip from a prompt, or animate an image (Reel's generate_video_clip and image_to_video).",
        discussion: """
            Examples:
              timmy video "clouds over a city" --style timelapse
              timmy video --from-image 3f2a…-uuid "slow zoom in"
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var creative: CreativeOptions

    @Argument(help: "What the clip shows; with --from-image, the motion in words.")
    var prompt: String

    @Option(help: "Animate this image (an asset id, or a path inside the data folders) instead of drawing a scene.")
    var fromImage: String?

    @Option(help: "The style (see `timmy styles`); not used with --from-image.")
    var style: String?

    @Option(help: "Seconds, 1-10.")
    var duration = 5.0

    @Option(help: "480p or 720p (default: the video_default_resolution setting).")
    var resolution: String?

    @Option(help: "Frames per second, 8-60.")
    var fps = 24

    func validate() throws {
        if fromImage != nil && style != nil { throw ValidationError("--style does not apply with --from-image: describe the motion in the prompt") }
    }

    func run() async throws {
        var arguments = creative.arguments
        arguments["prompt"] = .string(prompt)
        arguments["duration"] = .double(duration)
        arguments["fps"] = .int(fps)
        if let resolution { arguments["resolution"] = .string(resolution) }
        if let style { arguments["style"] = .string(style) }
        if let fromImage { arguments["image"] = .string(CreativeOptions.imageReference(fromImage)) }
        try await JobFollower.run(
            fromImage == nil ? "generate_video_clip" : "image_to_video", persona: "reel", arguments: arguments, options: options)
    }
}
