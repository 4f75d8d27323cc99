import ArgumentParser
import TimmyCore

/// `timmy image "prompt"`: Pixel draws one image.
struct ImageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image", abstract: "Make an image from a prompt (Pixel's generate_image).",
        discussion: "Example: timmy image \"a sunrise over mountains\" --width 1024 --height 576")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var creative: CreativeOptions

    @Argument(help: "What to show.")
    var prompt: String

    @Option(help: "What to leave out.")
    var negative: String?

    @Option(help: "Width in pixels, a multiple of 16 in 256-2048.")
    var width = 1024

    @Option(help: "Height in pixels, a multiple of 16 in 256-2048.")
    var height = 1024

    @Option(help: "Diffusion steps, 1-100 (default: the image_default_steps setting).")
    var steps: Int?

    func run() async throws {
        var arguments = creative.arguments
        arguments["prompt"] = .string(prompt)
        arguments["width"] = .int(width)
        arguments["height"] = .int(height)
        if let negative { arguments["negative_prompt"] = .string(negative) }
        if let steps { arguments["steps"] = .int(steps) }
        try await JobFollower.run("generate_image", persona: "pixel", arguments: arguments, options: options)
    }
}
