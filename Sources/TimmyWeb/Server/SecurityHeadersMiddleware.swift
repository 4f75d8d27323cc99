import HTTPTypes
import Hummingbird

/// The browser protections every response carries: a content security policy (only our own script and styles,
/// no inline script), `nosniff`, no referrer to other sites (a `no-referrer` policy would make browsers send
/// `Origin: null` on our own forms), no framing for browsers that ignore `frame-ancestors`, and a separate
/// browsing context group. Routes get them from the middleware; static files answered before the router,
/// from `StaticAssetHandler`, get the same fields.
enum SecurityHeaders {
    static let contentSecurityPolicy: ContentSecurityPolicy = [
        .defaultSrc(.self), .scriptSrc(.self), .styleSrc(.self), .imgSrc(.self, .scheme(.init(rawValue: "data:"))), .connectSrc(.self),
        .formAction(.self), .frameAncestors(.none), .baseURI(.none), .objectSrc(.none),
    ]

    static let fields: HTTPFields = [
        .contentSecurityPolicy: contentSecurityPolicy.description, .xContentTypeOptions: "nosniff",
        .referrerPolicy: "same-origin", .xFrameOptions: "DENY", .crossOriginOpenerPolicy: "same-origin",
    ]
}

/// Adds `SecurityHeaders.fields` to every response the routes give, failures included.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers.append(contentsOf: SecurityHeaders.fields)
        return response
    }
}
