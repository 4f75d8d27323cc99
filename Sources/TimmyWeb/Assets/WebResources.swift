import Foundation

/// What the web layer reads from its resource bundle, once, when the application is built:
/// the compiled templates, the static files and the OpenAPI document.
struct WebResources: Sendable {
    let pages: PageRenderer
    let assets: StaticAssets
    let openAPI: StaticAsset

    /// The bundle's `Resources` folder: `templates/`, `static/` and `openapi.json`.
    static var directory: URL {
        Bundle.module.url(forResource: "Resources", withExtension: nil) ?? Bundle.module.bundleURL.appendingPathComponent("Resources")
    }

    static func load(authEnabled: Bool) throws -> WebResources {
        let assets = try StaticAssets(directory: directory.appendingPathComponent("static"))
        let pages = try PageRenderer(templates: directory.appendingPathComponent("templates"), assets: assets, authEnabled: authEnabled)
        return WebResources(pages: pages, assets: assets, openAPI: try StaticAsset(contentsOf: directory.appendingPathComponent("openapi.json")))
    }
}
