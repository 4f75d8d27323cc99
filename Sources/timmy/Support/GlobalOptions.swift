import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp("Settings file to read instead of ./timmy.toml.", valueName: "path"))
    var configPath: String?

    @Flag(name: .customLong("json"), help: "Print JSON instead of text.")
    var json = false

    /// Settings from defaults, the file and the environment, relative to the current folder.
    func loadSettings() throws -> Settings {
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        do {
            return try Settings.load(baseDirectory: base, configFile: configPath.map { URL(fileURLWithPath: $0, relativeTo: base) })
        } catch {
            throw ValidationError(error.description)
        }
    }
}
