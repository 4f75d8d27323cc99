import HTTPTypes

/// A failure as a page: its status, a heading and what to do.
struct ErrorPage {
    let status: Int
    let heading: String
    let message: String
    let notFound: Bool

    init(_ failure: APIError, path: String) {
        status = failure.status.code
        notFound = failure.status == .notFound
        heading = notFound ? "Page not found" : failure.status.reasonPhrase
        message = failure.message.hasPrefix("no such endpoint") ? "There is no page at \(path)." : failure.message
    }
}

/// The sign-in form.
struct LoginPage {
    /// Where to go after signing in: a path on this server.
    let next: String
    let message: String?
}
