import HTTPTypes
import Hummingbird

/// Refuses any state-changing request (a POST, from a form or a script) that a browser says came from
/// another site or origin: `Sec-Fetch-Site: cross-site`, or an `Origin` that is not this server. Clients
/// that are not browsers send neither header and are not affected; the JSON API is thereby safe from
/// forged cross-site posts even on loopback without a token.
struct CrossSiteMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method != .get && request.method != .head && Self.isCrossSite(request) {
            throw APIError(.forbidden, "refused a request from another site: open the dashboard itself and submit from there")
        }
        return try await next(request, context)
    }

    private static func isCrossSite(_ request: Request) -> Bool {
        if request.headers[.secFetchSite] == "cross-site" { return true }
        guard let origin = request.headers[.origin] else { return false }
        guard let host = request.head.authority else { return true }
        return origin != "http://\(host)" && origin != "https://\(host)"
    }
}
