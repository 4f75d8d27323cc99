import Foundation
import TimmyCore

/// What one connection may take of the server: each limit has its setting (docs/configuration.md).
public struct ConnectionLimits: Sendable, Equatable {
    /// Connections served at once; further ones wait in the listen backlog until one closes.
    public var maxConnections: Int
    /// Bytes of one request's header lines, all together.
    public var maxHeaderBytes: Int
    /// Time a connection has to send a request's whole head, from opening or from its previous response.
    public var headerTimeout: Duration
    /// Time a connection may stay silent while it is not being answered (between requests, or in a body).
    public var idleTimeout: Duration
    /// Bytes of a request body: the largest the API and the forms read. A request that announces more is
    /// answered 413 before its body is read.
    public var maxBodyBytes: Int

    /// The limits the settings' defaults give.
    public static let defaults = ConnectionLimits(settings: Settings(baseDirectory: URL(filePath: "/")))

    public init(settings: Settings) {
        maxConnections = settings[.httpMaxConnections]
        maxHeaderBytes = settings[.httpMaxHeaderBytes]
        headerTimeout = .milliseconds(Int(settings[.httpHeaderTimeoutSeconds] * 1000))
        idleTimeout = .milliseconds(Int(settings[.httpIdleTimeoutSeconds] * 1000))
        maxBodyBytes = JSONBody.maxRequestBytes
    }
}
