import ArgumentParser
import TimmyCore

/// `timmy variations ASSET -n 4`: Pixel varies an existing image.
struct VariationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "variations",
        abstract: "Make variations of an image asset or an image in the data folders (Pixel's image_variations)."
    )

    @OptionGroup var options: GlobalOptions
    @OptionGroup var creative: CreativeOptions

    @Argument(help: "An image asset id, or the path of an image inside the data folders.")
    var image: String

    @Option(name: [.customShort("n"), .long], help: "How many variations, 1-8.")
    var count = 4

    @Option(help: "How far each may move from the source, 0-1.")
    var strength = 0.5

    func run() async throws {
        var arguments = creative.arguments
        arguments["image"] = .string(CreativeOptions.imageReference(image))
        arguments["count"] = .int(count)
        arguments["strength"] = .double(strength)
        try await JobFollower.run("image_variations", persona: "pixel", arguments: arguments, options: options)
    }
}
