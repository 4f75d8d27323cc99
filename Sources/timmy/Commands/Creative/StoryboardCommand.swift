import ArgumentParser
import Foundation
import TimmyCore

/// `timmy storyboard FILE`: Pixel draws a frame per scene and a contact sheet.
struct StoryboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storyboard", abstract: "Draw a storyboard from a file with a scene per line (Pixel's generate_storyboard).",
        discussion: "Blank lines are skipped. Example: timmy storyboard scenes.txt --width 1024 --height 576")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var creative: CreativeOptions

    @Argument(help: "A text file with one scene description per line.")
    var file: String

    @Option(help: "Frame width in pixels, a multiple of 16 in 256-2048.")
    var width = 1024

    @Option(help: "Frame height in pixels, a multiple of 16 in 256-2048.")
    var height = 576

    @Option(help: "Diffusion steps, 1-100 (default: the image_default_steps setting).")
    var steps: Int?

    func run() async throws {
        let scenes = try CreativeOptions.read(file, option: "FILE").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var arguments = creative.arguments
        arguments["scenes"] = .array(scenes.map(JSONValue.string))
        arguments["width"] = .int(width)
        arguments["height"] = .int(height)
        if let steps { arguments["steps"] = .int(steps) }
        try await JobFollower.run("generate_storyboard", persona: "pixel", arguments: arguments, options: options)
    }
}
