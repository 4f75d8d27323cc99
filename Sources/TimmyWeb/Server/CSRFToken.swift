import Hummingbird

/// Cross-site request forgery protection by double submit: a random token lives in a SameSite=Strict,
/// HttpOnly cookie and in a hidden field of every state-changing form; a POST is accepted only when the
/// two match. Another site can neither read the cookie nor make the browser send it, so its forged
/// forms arrive without a matching token and get 403.
struct CSRFToken: Sendable {
    static let cookieName = "timmy_csrf"
    static let fieldName = "csrf"

    let value: String
    /// The request carried no token, so the response must set the cookie.
    let isNew: Bool

    /// The request's token, or a fresh one.
    init(_ request: Request) {
        if let existing = request.cookies[Self.cookieName]?.value, SecretToken.isWellFormed(existing) {
            value = existing
            isNew = false
        } else {
            value = SecretToken.make()
            isNew = true
        }
    }

    /// Sets the cookie on a response when the request had none.
    func apply(to response: inout Response) {
        guard isNew else { return }
        response.setCookie(Cookie(name: Self.cookieName, value: value, path: "/", httpOnly: true, sameSite: .strict))
    }

    /// Refuses a form post whose token does not match its cookie.
    static func verify(_ request: Request, submitted: String?) throws(APIError) {
        guard let cookie = request.cookies[cookieName]?.value, SecretToken.isWellFormed(cookie), let submitted,
            ConstantTime.equal(cookie, submitted)
        else { throw refusal }
    }

    private static let refusal = APIError(.forbidden, "this form is missing its security token; reload the page and submit it again")
}
