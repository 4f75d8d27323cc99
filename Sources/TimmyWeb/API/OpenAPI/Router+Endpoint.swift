import Hummingbird

extension Router {
    /// Serves an endpoint of the table at its path and method, so what is served is what the document says.
    func on(_ endpoint: APIEndpoint, use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator) {
        on(RouterPath(endpoint.path), method: endpoint.method, use: handler)
    }
}
