import Hummingbird

/// Turns every failure into a response with its real status: JSON for the API and for scripts that ask
/// for JSON, an HTML page (a real 404 page for unknown paths) for people.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = APIError(describing: error, request: request, logger: context.logger)
            if request.wantsJSON { return try failure.response(from: request, context: context) }
            return pages.error(failure, request: request)
        }
    }
}
