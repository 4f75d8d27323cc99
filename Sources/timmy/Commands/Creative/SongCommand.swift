import ArgumentParser
import TimmyCore

/// `timmy song --lyrics-file F`: Lyra makes a song.
struct SongCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "song", abstract: "Make a song from lyrics (Lyra's generate_song).",
        discussion: "Example: timmy song --lyrics-file rain.txt --genre rock --duration 90 --language es")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var creative: CreativeOptions
    @OptionGroup var lyrics: LyricsOptions

    @Option(help: "The genre (see `timmy genres`).")
    var genre = "pop"

    @Option(help: "Seconds, 10-600.")
    var duration = 120.0

    @Option(help: "The language sung in (see `timmy genres`).")
    var language = "en"

    @Option(help: "Beats per minute, 40-240 (default: the genre's).")
    var tempo: Int?

    @Option(help: "The song's title.")
    var title: String?

    func run() async throws {
        var arguments = creative.arguments
        arguments["lyrics"] = .string(try lyrics.text())
        arguments["genre"] = .string(genre)
        arguments["duration"] = .double(duration)
        arguments["language"] = .string(language)
        if let tempo { arguments["tempo"] = .int(tempo) }
        if let title { arguments["title"] = .string(title) }
        try await JobFollower.run("generate_song", persona: "lyra", arguments: arguments, options: options)
    }
}

/// Lyrics from a file or given inline.
struct LyricsOptions: ParsableArguments {
    @Option(help: "A text file with the lyrics.")
    var lyricsFile: String?

    @Option(help: "The lyrics themselves (lines separated by newlines).")
    var lyrics: String?

    func validate() throws {
        guard (lyricsFile == nil) != (lyrics == nil) else { throw ValidationError("give the lyrics with --lyrics-file or --lyrics (one of them)") }
    }

    func text() throws -> String {
        if let lyricsFile { return try CreativeOptions.read(lyricsFile, option: "--lyrics-file") }
        return lyrics ?? ""
    }
}
