import ArgumentParser
import Foundation
import TimmyCore
import TimmyWorker

/// `timmy models`: the worker's models, whether each is on this machine, and fetching one.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models", abstract: "The model worker's models: which are on this machine, and fetching one.",
        subcommands: [List.self, Fetch.self], defaultSubcommand: List.self)

    /// `timmy models list`: each family's model setting, its value, and where it was found.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show each family's model and whether it is on this machine.")

        @OptionGroup var options: GlobalOptions

        func run() throws {
            let settings = try options.loadSettings()
            let rows = WorkerFamily.allCases.map { family -> [String: String] in
                let model = settings[family.modelSetting]
                let folder = WorkerInstallation.localModel(model, settings: settings)
                return [
                    "family": family.rawValue, "setting": family.modelSetting.definition.key, "model": model,
                    "present": folder == nil ? "no" : "yes", "path": folder?.path ?? "",
                ]
            }
            if options.json { return Output.json(rows) }
            Output.table(
                ["FAMILY", "SETTING", "MODEL", "HERE"],
                rows.map {
                    [$0["family"]!, $0["setting"]!, $0["model"]!, $0["path"]!.isEmpty ? "missing: timmy models fetch \($0["family"]!)" : $0["path"]!]
                })
        }
    }

    /// `timmy models fetch NAME`: downloads a model into the Hugging Face cache; the only command that goes online.
    struct Fetch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a model into the Hugging Face cache (the only command that goes online).",
            discussion: "NAME is a family (image, music, video, image_to_video), whose model setting names the model, or a hub id.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "A family or a Hugging Face id.") var name: String

        func run() async throws {
            let settings = try options.loadSettings()
            let model = WorkerFamily(rawValue: name).map { settings[$0.modelSetting] } ?? name
            guard !WorkerInstallation.isFolder(model) else {
                throw CommandFailure("\(model) is a folder, not a hub id: there is nothing to fetch")
            }
            let python = try WorkerInstallation.python(settings)
            let process = Process()
            process.executableURL = python
            process.arguments = ["-m", "timmy_worker", "fetch", model]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CommandFailure("fetching \(model) failed (see above)") }
        }
    }
}
