import HTTPTypes
import Hummingbird

/// The browser protections on every response. Hummingbird's `ContentSecurityMiddleware` writes the policy
/// (only our own script and styles, no inline script) and `nosniff`; this adds the three it has no field for:
/// no referrer to other sites (a `no-referrer` policy would make browsers send `Origin: null` on our own
/// forms), no framing for browsers that ignore `frame-ancestors`, and a separate browsing context group.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: ContentSecurityPolicy {
        [
            .defaultSrc(.self), .scriptSrc(.self), .styleSrc(.self), .imgSrc(.self, .scheme(.init(rawValue: "data:"))), .connectSrc(.self),
            .formAction(.self), .frameAncestors(.none), .baseURI(.none), .objectSrc(.none),
        ]
    }

    static var headers: HTTPFields {
        [.referrerPolicy: "same-origin", .xFrameOptions: "DENY", .crossOriginOpenerPolicy: "same-origin"]
    }

    private let headers = Self.headers

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers.append(contentsOf: headers)
        return response
    }
}

extension Router {
    /// Both halves of the security headers, outermost first.
    func addSecurityHeaders() {
        add(middleware: ContentSecurityMiddleware(contentSecurityPolicy: SecurityHeadersMiddleware<Context>.contentSecurityPolicy))
        add(middleware: SecurityHeadersMiddleware())
    }
}
