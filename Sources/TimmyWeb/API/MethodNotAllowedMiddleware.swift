import HTTPTypes
import Hummingbird

/// Answers a method the API does not declare at a path it does serve (`TRACE /api/tasks`, `DELETE /health`)
/// with 405 and the `Allow` header, where the router alone would say 404. The methods come from the
/// endpoint table, the same one the router and the OpenAPI document read.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The declared methods of each path template, split into segments.
    private let methods: [(segments: [Substring], methods: [HTTPRequest.Method])]

    init(endpoints: [APIEndpoint]) {
        var byPath: [String: [HTTPRequest.Method]] = [:]
        var order: [String] = []
        for endpoint in endpoints {
            if byPath[endpoint.path] == nil { order.append(endpoint.path) }
            byPath[endpoint.path, default: []].append(endpoint.method)
        }
        methods = order.map { (Self.segments(of: $0), byPath[$0] ?? []) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = allowedMethods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            let names = allowed.map(\.rawValue).joined(separator: ", ")
            var response = try APIError(.methodNotAllowed, "\(request.method) is not served at \(request.uri.path); use \(names)")
                .response(from: request, context: context)
            response.headers[.allow] = names
            return response
        }
    }

    /// The methods declared for the templates `path` matches; `{name}` matches any one segment.
    func allowedMethods(for path: String) -> [HTTPRequest.Method] {
        let given = Self.segments(of: path)
        let matches = methods.filter { template in
            template.segments.count == given.count
                && zip(template.segments, given).allSatisfy { pattern, segment in pattern.hasPrefix("{") || pattern == segment }
        }
        var allowed: [HTTPRequest.Method] = []
        for method in matches.flatMap(\.methods) where !allowed.contains(method) { allowed.append(method) }
        return allowed
    }

    private static func segments(of path: String) -> [Substring] { path.split(separator: "/") }
}
