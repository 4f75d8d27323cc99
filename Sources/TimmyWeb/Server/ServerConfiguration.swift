import TimmyCore

/// Where and how the server listens, checked before it starts.
public struct ServerConfiguration: Sendable {
    public let host: String
    public let port: Int
    public let authToken: String?
    public let limits: ConnectionLimits

    public init(host: String, port: Int, authToken: String?, limits: ConnectionLimits = .defaults) {
        self.host = host
        self.port = port
        self.authToken = authToken
        self.limits = limits
    }

    public init(settings: Settings) {
        self.init(host: settings.host, port: settings.port, authToken: settings.authToken, limits: ConnectionLimits(settings: settings))
    }

    /// True for addresses only this machine can reach.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Refuses to listen beyond loopback without a token.
    public func validate() throws(ServerConfigurationError) {
        if !isLoopback && authToken == nil { throw .tokenRequired(host: host) }
        if let authToken, authToken.count < 16 { throw .weakToken }
    }
}

public enum ServerConfigurationError: Error, Equatable, CustomStringConvertible {
    case tokenRequired(host: String)
    case weakToken

    public var description: String {
        switch self {
        case .tokenRequired(let host):
            "refusing to listen on \(host) without a token: anyone who can reach it could run tools on this machine. "
                + "Set TIMMY_AUTH_TOKEN to a long random secret (e.g. `openssl rand -hex 32`), or listen on 127.0.0.1."
        case .weakToken:
            "TIMMY_AUTH_TOKEN is too short: use at least 16 characters (e.g. `openssl rand -hex 32`)."
        }
    }
}
