import Foundation
import Hummingbird

/// The dashboard's stylesheet, script and icon, read once at startup and served from memory under `/static/`.
struct StaticAssets: Sendable {
    static let prefix = "/static/"

    private let assets: [String: StaticAsset]

    /// Reads every file in `directory`.
    init(directory: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        assets = try Dictionary(uniqueKeysWithValues: names.map { ($0, try StaticAsset(contentsOf: directory.appendingPathComponent($0))) })
    }

    /// The versioned URL pages link to, e.g. `/static/app.css?v=1f2e…`.
    func url(_ name: String) -> String {
        Self.prefix + name + (assets[name].map { "?v=\($0.version)" } ?? "")
    }

    /// The asset a request path such as `/static/app.css` names, if any (the query is not part of `path`).
    func asset(atPath path: Substring) -> StaticAsset? {
        guard path.hasPrefix(Self.prefix) else { return nil }
        return assets[String(path.dropFirst(Self.prefix.count))]
    }

    func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("static/:name") { request, context in
            guard let asset = assets[try context.parameters.require("name")] else { throw HTTPError(.notFound) }
            return asset.response(for: request)
        }
    }
}
