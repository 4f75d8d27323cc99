import Hummingbird

/// Signing in and out of the dashboard when a token is configured: the form takes the token and sets an
/// HttpOnly, SameSite=Strict session cookie; signing out ends the session.
struct LoginRoutes<Context: RequestContext> {
    static var path: String { "/login" }
    private static var route: RouterPath { RouterPath(path) }

    let token: String
    let sessions: SessionStore
    let pages: PageRenderer

    func add(to router: Router<Context>) {
        router.get(Self.route) { request, _ in
            pages.login(request, status: .ok, next: LocalPath.checked(request.uri.queryParameters.get("next"), otherwise: "/"), message: nil)
        }
        router.post(Self.route) { request, _ in
            let form = try await FormBody.decode(LoginForm.self, from: request)
            try CSRFToken.verify(request, submitted: form.csrf)
            let next = LocalPath.checked(form.next, otherwise: "/")
            guard let given = form.token, ConstantTime.equal(given, token) else {
                return pages.login(request, status: .unauthorized, next: next, message: "That is not this server's token. Check TIMMY_AUTH_TOKEN.")
            }
            var response = Response(status: .seeOther, headers: [.location: next])
            response.setCookie(
                Cookie(
                    name: SessionStore.cookieName,
                    value: sessions.start(),
                    maxAge: Int(SessionStore.lifetime.components.seconds),
                    path: "/",
                    httpOnly: true,
                    sameSite: .strict
                )
            )
            return response
        }
        router.post("/logout") { request, _ in
            let form = try await FormBody.decode(TokenOnlyForm.self, from: request)
            try CSRFToken.verify(request, submitted: form.csrf)
            if let session = request.cookies[SessionStore.cookieName]?.value { sessions.end(session) }
            var response = Response(status: .seeOther, headers: [.location: Self.path])
            response.setCookie(Cookie(name: SessionStore.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
    }
}
