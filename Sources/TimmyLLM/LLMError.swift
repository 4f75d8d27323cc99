import Foundation

/// Why a model call did not give an answer, in words that name the setting to change.
public enum LLMError: Error, Equatable, CustomStringConvertible {
    case badURL(String)
    case unreachable(url: String, reason: String)
    case timedOut(url: String, seconds: Double)
    /// The server answered with an error status, and said why.
    case server(url: String, status: Int, message: String)
    /// The stream did not follow the format the provider documents.
    case malformed(url: String, reason: String)
    case cancelled

    public var description: String {
        switch self {
        case .badURL(let url):
            "llm_url must be an http:// or https:// URL with a host, got '\(url)'"
        case .unreachable(let url, let reason):
            "could not reach the language model at \(url) (setting llm_url): \(reason)"
        case .timedOut(let url, let seconds):
            "the language model at \(url) sent nothing for \(seconds.formatted()) s (setting llm_timeout_seconds)"
        case .server(let url, let status, let message):
            "the language model at \(url) answered \(status): \(message)"
        case .malformed(let url, let reason):
            "the language model at \(url) sent an answer that could not be read: \(reason)"
        case .cancelled:
            "the model call was cancelled"
        }
    }
}
