import Hummingbird

/// When a token is configured, every request must be signed in: the API with `Authorization: Bearer <token>`
/// (or the dashboard's session cookie), pages with the session cookie set by `/login`. A page request that is
/// not signed in gets the login form with status 401; an API request gets a JSON 401.
struct AuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String
    let sessions: SessionStore
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path == LoginRoutes<Context>.path || path.hasPrefix(StaticAssets.prefix) || isSignedIn(request) {
            return try await next(request, context)
        }
        if request.wantsJSON {
            throw APIError(.unauthorized, "missing or wrong token: send 'Authorization: Bearer <TIMMY_AUTH_TOKEN>'")
        }
        return pages.login(request, status: .unauthorized, next: request.pathAndQuery, message: nil)
    }

    private func isSignedIn(_ request: Request) -> Bool {
        if let header = request.headers[.authorization] { return ConstantTime.equal(header, "Bearer " + token) }
        guard let session = request.cookies[SessionStore.cookieName]?.value else { return false }
        return sessions.isValid(session)
    }
}
