import Hummingbird

extension Request {
    /// Whether the answer should be JSON: the API's paths, and scripts that ask for JSON.
    var wantsJSON: Bool {
        let path = uri.path
        if path == "/health" || path == "/api" || path.hasPrefix("/api/") { return true }
        guard let accept = headers[.accept] else { return false }
        return accept.contains("application/json") && !accept.contains("text/html")
    }

    /// Whether a script asked to follow the answer as Server-Sent Events (the chat form).
    var wantsEventStream: Bool { headers[.accept]?.contains("text/event-stream") == true }

    /// The path and query, as a place to come back to after signing in.
    var pathAndQuery: String {
        uri.query.map { "\(uri.path)?\($0)" } ?? uri.path
    }
}
