import Foundation
import Hummingbird
import Logging
import TimmyCore
import TimmySwarm

/// An API failure that renders itself as `{"error": {"status", "message", "field"}}` with its status.
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

/// Renders every failure as JSON: our own errors as they are, Hummingbird's (404 for unknown routes,
/// 413 for oversized bodies) with their status, and anything unexpected as a 500 without internals.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as ServiceError {
            throw APIError(error)
        } catch let error as HTTPError {
            let message = error.body ?? (error.status == .notFound ? "no such endpoint: \(request.method) \(request.uri.path)" : error.status.reasonPhrase)
            throw APIError(error.status, message)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            context.logger.error("request \(request.method) \(request.uri.path) failed: \(error)")
            throw APIError(.internalServerError, "internal error; see the server log")
        }
    }
}
