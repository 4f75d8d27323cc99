import Foundation
import Hummingbird
import Logging
import TimmyAPI
import TimmyCore

/// A failure with its HTTP status, its kind and a message saying what to fix: rendered as
/// `ErrorBody`, `{"error": {"status", "kind", "message", "field"}}`, for the API, as an error page for people.
struct APIError: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let kind: ServiceError.Kind
    let message: String
    let field: String?

    /// An error of the web layer itself (an unreadable body, a bad query value); its kind follows from the status.
    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.init(status, kind: Self.kind(of: status), message, field: field)
    }

    private init(_ status: HTTPResponse.Status, kind: ServiceError.Kind, _ message: String, field: String?) {
        self.status = status
        self.kind = kind
        self.message = message
        self.field = field
    }

    /// Maps a service error to its HTTP status: not found 404, invalid input or failed work 422,
    /// forbidden 403, a conflicting state 409, unavailable 503. The kind goes with it, so 422 stays two kinds.
    init(_ error: ServiceError) {
        let status: HTTPResponse.Status =
            switch error.kind {
            case .notFound: .notFound
            case .invalid, .failed: .unprocessableContent
            case .forbidden: .forbidden
            case .unavailable: .serviceUnavailable
            case .conflict: .conflict
            }
        self.init(status, kind: error.kind, error.description, field: error.field)
    }

    private static func kind(of status: HTTPResponse.Status) -> ServiceError.Kind {
        switch status.code {
        case 404: .notFound
        case 401, 403: .forbidden
        case 409: .conflict
        case 400..<500: .invalid
        default: .unavailable
        }
    }

    /// Any error as an API error: ours as they are, the machine's (a full disk, a busy or read-only
    /// store) as the service error they say they are, Hummingbird's (404 for unknown routes, 413 for
    /// oversized bodies) with their status, and anything unexpected as a 500 without internals.
    init(describing error: any Error, request: Request, logger: Logger) {
        if let service = (error as? any ServiceErrorConvertible)?.serviceError {
            logger.warning("request \(request.method) \(request.uri.path) could not be served: \(error)")
            self.init(service)
            return
        }
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

    var body: ErrorBody { ErrorBody(error: .init(status: status.code, kind: kind, message: message, field: field)) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONBody.response(body)
        response.status = status
        return response
    }
}
