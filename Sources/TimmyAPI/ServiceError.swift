/// Why a service call could not be served; the web layer turns each into an HTTP status and
/// writes its `kind`, so a client reads back the same error.
public enum ServiceError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case invalid(field: String, message: String)
    /// The caller may not do this (a tool outside the persona's toolkit).
    case forbidden(String)
    /// The request was sound but the work failed (a tool's own error); it was recorded.
    case failed(String)
    case unavailable(String)
    /// The thing is not in a state that allows this (cancelling a finished job).
    case conflict(String)

    /// The error's kind as the API writes it (`error.kind`).
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case notFound = "not_found"
        case invalid, forbidden, failed, unavailable, conflict
    }

    public var kind: Kind {
        switch self {
        case .notFound: .notFound
        case .invalid: .invalid
        case .forbidden: .forbidden
        case .failed: .failed
        case .unavailable: .unavailable
        case .conflict: .conflict
        }
    }

    /// The input at fault, for `invalid`.
    public var field: String? {
        if case .invalid(let field, _) = self { return field }
        return nil
    }

    /// The error of a kind; `invalid` without a field blames the whole body.
    public init(kind: Kind, message: String, field: String?) {
        switch kind {
        case .notFound: self = .notFound(message)
        case .invalid: self = .invalid(field: field ?? "body", message: message)
        case .forbidden: self = .forbidden(message)
        case .failed: self = .failed(message)
        case .unavailable: self = .unavailable(message)
        case .conflict: self = .conflict(message)
        }
    }

    public var description: String {
        switch self {
        case .notFound(let message), .unavailable(let message), .forbidden(let message), .failed(let message), .conflict(let message): message
        case .invalid(_, let message): message
        }
    }
}

/// The body of every error answer: `{"error": {"status", "kind", "message", "field"}}`.
public struct ErrorBody: Sendable, Codable, Equatable {
    public struct Detail: Sendable, Codable, Equatable {
        /// The HTTP status, repeated for clients that only see the body.
        public let status: Int
        public let kind: ServiceError.Kind
        public let message: String
        /// The input at fault (`description`, `arguments.path`), when one is.
        public let field: String?

        public init(status: Int, kind: ServiceError.Kind, message: String, field: String?) {
            self.status = status
            self.kind = kind
            self.message = message
            self.field = field
        }
    }

    public let error: Detail

    public init(error: Detail) { self.error = error }

    /// The service error this body describes.
    public var serviceError: ServiceError { ServiceError(kind: error.kind, message: error.message, field: error.field) }
}

/// A failure from below the service (the store, its disk) that can say which service error it is,
/// so the API answers it with a kind and a reason instead of as an internal error.
public protocol ServiceErrorConvertible: Error {
    /// The service error this is, or nil where it is a fault of Timmy's own (a 500).
    var serviceError: ServiceError? { get }
}
