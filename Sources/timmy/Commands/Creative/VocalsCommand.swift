import ArgumentParser
import TimmyCore

/// `timmy vocals --lyrics-file F`: Lyra sings the lyrics alone.
struct VocalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vocals", abstract: "Sing lyrics alone, as a vocal stem (Lyra's generate_vocals).")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var creative: CreativeOptions
    @OptionGroup var lyrics: LyricsOptions

    @Option(help: "The genre whose phrasing and singer to use.")
    var style = "pop"

    @Option(help: "Seconds, 10-600.")
    var duration = 60.0

    @Option(help: "The language sung in.")
    var language = "en"

    func run() async throws {
        var arguments = creative.arguments
        arguments["lyrics"] = .string(try lyrics.text())
        arguments["style"] = .string(style)
        arguments["duration"] = .double(duration)
        arguments["language"] = .string(language)
        try await JobFollower.run("generate_vocals", persona: "lyra", arguments: arguments, options: options)
    }
}
