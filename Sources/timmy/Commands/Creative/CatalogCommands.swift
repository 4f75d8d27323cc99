import ArgumentParser
import TimmyAPI
import TimmyCore

/// `timmy genres`: the music genres and languages (Lyra's list_genres).
struct GenresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "genres", abstract: "List the music genres and the languages songs can be sung in.")

    @OptionGroup var options: GlobalOptions

    func run() async throws { try await CatalogListing.show("list_genres", persona: "lyra", options: options) }
}

/// `timmy styles`: the video styles and resolutions (Reel's list_video_styles).
struct StylesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "styles", abstract: "List the video styles and resolutions.")

    @OptionGroup var options: GlobalOptions

    func run() async throws { try await CatalogListing.show("list_video_styles", persona: "reel", options: options) }
}

/// Runs a listing tool (recorded like any call) and prints it.
enum CatalogListing {
    static func show(_ tool: String, persona: String, options: GlobalOptions) async throws {
        let response = try await ServiceConnector.with(options) { try await $0.runTool(tool, persona: persona, arguments: [:]) }
        if options.json { return Output.json(response.result?.data ?? .null) }
        print(response.result?.text ?? "")
    }
}
