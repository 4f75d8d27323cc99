import ArgumentParser
import TimmyCore

/// `timmy instrumental "prompt"`: Lyra makes an instrumental.
struct InstrumentalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instrumental", abstract: "Make an instrumental piece from a description (Lyra's generate_instrumental).",
        discussion: "Example: timmy instrumental \"rain on a tin roof\" --genre lo-fi --duration 45")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var creative: CreativeOptions

    @Argument(help: "What the music is about.")
    var prompt: String

    @Option(help: "The genre (see `timmy genres`).")
    var genre = "cinematic"

    @Option(help: "Seconds, 10-600.")
    var duration = 60.0

    @Option(help: "Beats per minute, 40-240 (default: the genre's).")
    var tempo: Int?

    func run() async throws {
        var arguments = creative.arguments
        arguments["prompt"] = .string(prompt)
        arguments["genre"] = .string(genre)
        arguments["duration"] = .double(duration)
        if let tempo { arguments["tempo"] = .int(tempo) }
        try await JobFollower.run("generate_instrumental", persona: "lyra", arguments: arguments, options: options)
    }
}
