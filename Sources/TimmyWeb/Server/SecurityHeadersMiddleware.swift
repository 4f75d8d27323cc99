import HTTPTypes
import Hummingbird

/// Adds the browser protections to every response: a Content-Security-Policy that allows only our own
/// script and styles (no inline script), no MIME sniffing, no referrer to other sites (a
/// `no-referrer` policy would make browsers send `Origin: null` on our own forms), and no framing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headers: HTTPFields {
        [
            .contentSecurityPolicy: [
                "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
                "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'",
            ].joined(separator: "; "),
            .xContentTypeOptions: "nosniff",
            .referrerPolicy: "same-origin",
            .xFrameOptions: "DENY",
            .crossOriginOpenerPolicy: "same-origin",
        ]
    }

    private let headers = Self.headers

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers.append(contentsOf: headers)
        return response
    }
}
