import Foundation
import Hummingbird
import Logging
import TimmyCore
import TimmySwarm

/// A failure with its HTTP status and a message saying what to fix: rendered as
/// `{"error": {"status", "message", "field"}}` for the API, as an error page for people.
struct APIError: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String
    let field: String?

    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    /// Maps a service error to its HTTP status: not found 404, invalid input or failed work 422,
    /// forbidden 403, a conflicting state 409, unavailable 503.
    init(_ error: ServiceError) {
        switch error {
        case .notFound(let message): self.init(.notFound, message)
        case .invalid(let field, let message): self.init(.unprocessableContent, message, field: field)
        case .forbidden(let message): self.init(.forbidden, message)
        case .failed(let message): self.init(.unprocessableContent, message)
        case .unavailable(let message): self.init(.serviceUnavailable, message)
        case .conflict(let message): self.init(.conflict, message)
        }
    }

    /// Any error as an API error: ours as they are, Hummingbird's (404 for unknown routes, 413 for
    /// oversized bodies) with their status, and anything unexpected as a 500 without internals.
    init(describing error: any Error, request: Request, logger: Logger) {
        switch error {
        case let error as APIError: self = error
        case let error as ServiceError: self.init(error)
        case let error as HTTPError:
            let notFound = "no such endpoint: \(request.method) \(request.uri.path)"
            self.init(error.status, error.body ?? (error.status == .notFound ? notFound : error.status.reasonPhrase))
        case let error as any HTTPResponseError: self.init(error.status, error.status.reasonPhrase)
        default:
            logger.error("request \(request.method) \(request.uri.path) failed: \(error)")
            self.init(.internalServerError, "internal error; see the server log")
        }
    }

    struct Body: Encodable {
        struct Detail: Encodable {
            let status: Int
            let message: String
            let field: String?
        }

        let error: Detail
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONBody.response(Body(error: .init(status: status.code, message: message, field: field)))
        response.status = status
        return response
    }
}
