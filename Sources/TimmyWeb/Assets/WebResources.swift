import Foundation

/// What the web layer reads from its resource bundle, once, when the application is built:
/// the compiled templates and the static files.
struct WebResources: Sendable {
    let pages: PageRenderer
    let assets: StaticAssets

    /// The bundle's `Resources` folder: `templates/` and `static/`.
    static var directory: URL {
        Bundle.module.url(forResource: "Resources", withExtension: nil) ?? Bundle.module.bundleURL.appendingPathComponent("Resources")
    }

    static func load(authEnabled: Bool) throws -> WebResources {
        let assets = try StaticAssets(directory: directory.appendingPathComponent("static"))
        let pages = try PageRenderer(templates: directory.appendingPathComponent("templates"), assets: assets, authEnabled: authEnabled)
        return WebResources(pages: pages, assets: assets)
    }
}
