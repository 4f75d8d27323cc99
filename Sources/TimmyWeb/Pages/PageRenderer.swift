import Foundation
import Hummingbird
import Mustache
import NIOCore

/// Renders the dashboard's pages: a page's template inside the shared layout, as an HTML response that
/// sets the CSRF cookie for a browser that has none. Templates are parsed once, when the renderer is made.
///
/// Every template is rendered with `{"csrf": token, "view": page}`, so forms anywhere can carry the token.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    private let assets: StaticAssets
    /// Whether a token is configured, so pages offer "Sign out".
    let authEnabled: Bool

    /// Parses every `.mustache` file in `directory`, registered under its name without the extension.
    init(templates directory: URL, assets: StaticAssets, authEnabled: Bool) throws {
        var library = MustacheLibrary()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            try library.register(text, named: String(file.dropLast(".mustache".count)))
        }
        self.library = library
        self.assets = assets
        self.authEnabled = authEnabled
    }

    private struct Frame {
        let csrf: String
        let view: Any
    }

    /// The page `template` showing `view`, titled `title`, with `section` marked in the navigation.
    func page(
        _ template: String, _ view: Any, title: String, section: Section?, request: Request, status: HTTPResponse.Status = .ok,
        navigation: Bool = true
    ) -> Response {
        let csrf = CSRFToken(request)
        let layout = Layout(
            title: title, section: section, navigation: navigation, csrf: csrf.value, signOut: authEnabled && navigation,
            body: render(Frame(csrf: csrf.value, view: view), with: template), assets: assets)
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: render(layout, with: "layout"))))
        csrf.apply(to: &response)
        return response
    }

    private func render(_ value: Any, with template: String) -> String {
        library.render(TemplateValue.of(value) ?? [:], withTemplate: template) ?? ""
    }

    /// The error page for a failure, with its status: "Page not found" for a 404.
    func error(_ failure: APIError, request: Request) -> Response {
        let view = ErrorPage(failure, path: request.uri.path)
        return page("error", view, title: view.heading, section: nil, request: request, status: failure.status)
    }

    /// The sign-in form; `next` is where to go once signed in.
    func login(_ request: Request, status: HTTPResponse.Status, next: String, message: String?) -> Response {
        page("login", LoginPage(next: next, message: message), title: "Sign in", section: nil, request: request, status: status, navigation: false)
    }
}
