import Foundation
import Hummingbird

/// Reads an HTML form post (`application/x-www-form-urlencoded`), as browsers send it with or without script.
enum FormBody {
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let text = try await body(of: request)
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: text)
        } catch {
            throw APIError(.badRequest, "the form could not be read; reload the page and submit it again")
        }
    }

    /// Every field of a form whose fields its page decides (a tool's arguments, a script's rows), by
    /// name; a name given twice keeps its last value.
    static func fields(from request: Request) async throws -> [String: String] {
        var fields: [String: String] = [:]
        for pair in try await body(of: request).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decoded(parts[0]), !name.isEmpty else { continue }
            fields[name] = parts.count > 1 ? decoded(parts[1]) ?? "" : ""
        }
        return fields
    }

    private static func decoded(_ part: Substring) -> String? { part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }

    private static func body(of request: Request) async throws -> String {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            throw APIError(.unsupportedMediaType, "send the form as application/x-www-form-urlencoded")
        }
        var request = request
        do {
            return String(buffer: try await request.collectBody(upTo: JSONBody.maxRequestBytes))
        } catch {
            throw APIError(.contentTooLarge, "the form is larger than \(JSONBody.maxRequestBytes) bytes")
        }
    }
}

/// Mission Control's "post a task" form.
struct PostTaskForm: Decodable {
    let description: String?
    let csrf: String?
}

/// The chat form: the message and the conversation it continues (empty for a new one).
struct ChatForm: Decodable {
    let message: String?
    let conversation: String?
    let csrf: String?
}

/// The sign-in form.
struct LoginForm: Decodable {
    let token: String?
    let next: String?
    let csrf: String?
}

/// A job's Cancel or Retry button; `back` is the page to return to.
struct JobActionForm: Decodable {
    let back: String?
    let csrf: String?
}

/// A form that carries nothing but its CSRF token (sign out).
struct TokenOnlyForm: Decodable {
    let csrf: String?
}
