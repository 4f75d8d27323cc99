import ArgumentParser
import Foundation
import TimmyAPI
import TimmyCore
import TimmySwarm

/// `timmy assets [--kind image|audio|video]`: the media the tools made, newest first.
struct AssetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assets", abstract: "List the images, audio and video the creative tools made.")

    @OptionGroup var options: GlobalOptions

    @Option(help: "Only assets of this kind: image, audio or video.")
    var kind: AssetKind?

    @Option(help: "How many (1-500).")
    var limit = 50

    func run() async throws {
        let (kind, limit) = (self.kind, self.limit)
        let list = try await ServiceConnector.with(options) { try await $0.assets(kind: kind, limit: limit) }
        if options.json { return Output.json(list) }
        guard !list.assets.isEmpty else { return print("No assets yet: try `timmy image \"a lighthouse at dusk\"`.") }
        Output.table(
            ["ID", "KIND", "TOOL", "BACKEND", "SIZE", "CREATED", "PATH"],
            list.assets.map { asset in
                var size = asset.width.map { "\($0)×\(asset.height ?? 0)" } ?? ""
                if let duration = asset.duration { size += (size.isEmpty ? "" : " ") + String(format: "%.1fs", duration) }
                return [asset.id, asset.kind.rawValue, asset.tool, asset.backend, size, Output.date(asset.createdAt), asset.path]
            })
    }
}

extension AssetKind: ExpressibleByArgument {}
