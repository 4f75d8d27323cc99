import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import TimmyAPI
import TimmyCore
import TimmySwarm

/// Builds the HTTP application around a runtime: the dashboard, the JSON API, the live event stream and the media files,
/// with the runtime itself as a service of the application's group, so both start and stop together.
public enum WebApplication {
    /// - Parameter onRunning: called with the bound port once listening (port 0 picks a free one).
    public static func build(
        runtime: TimmyRuntime, configuration: ServerConfiguration, logger: Logger = Logger(label: "timmy.web"),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let resources = try WebResources.load(authEnabled: configuration.authToken != nil)
        return Application(
            router: try router(runtime: runtime, configuration: configuration, resources: resources),
            server: .http1(configuration: http1(configuration.limits, assets: resources.assets)),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: serverName,
                availableConnectionsDelegate: MaximumAvailableConnections(configuration.limits.maxConnections)),
            services: [RuntimeService(runtime: runtime)],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    /// The `Server` header of every answer.
    static let serverName = "Timmy/\(timmyVersion)"

    /// The HTTP/1 channel held to the limits (header sizes in the decoder, the idle timeout, and the
    /// body and header-time limits in `RequestLimitsHandler`), with static files answered on its event loop.
    static func http1(_ limits: ConnectionLimits, assets: StaticAssets) -> HTTP1Channel.Configuration {
        HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestLimitsHandler(limits: limits), StaticAssetHandler(assets: assets, serverName: serverName)],
            idleTimeout: .nanoseconds(Int64(limits.idleTimeout.seconds * 1e9)),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: limits.maxHeaderBytes, maxHeaderListSize: limits.maxHeaderBytes))
    }

    /// Every route and middleware, outermost first: security headers on every response, failures rendered
    /// as JSON or as pages, cross-site posts refused, then (with a token) sign-in, undeclared API methods
    /// answered 405, then the routes.
    static func router(
        runtime: TimmyRuntime, configuration: ServerConfiguration, resources: WebResources? = nil
    ) throws -> Router<BasicRequestContext> {
        try configuration.validate()
        let resources = try resources ?? WebResources.load(authEnabled: configuration.authToken != nil)
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(pages: resources.pages))
        router.add(middleware: CrossSiteMiddleware())
        if let token = configuration.authToken {
            let sessions = SessionStore()
            router.add(middleware: AuthMiddleware(token: token, sessions: sessions, pages: resources.pages))
            LoginRoutes(token: token, sessions: sessions, pages: resources.pages).add(to: router)
        }
        router.add(middleware: MethodNotAllowedMiddleware(endpoints: APIEndpoint.all))
        resources.assets.add(to: router)
        let document = OpenAPIDocument.make(tools: runtime.registry.tools.map { ($0.name, $0.parameters.jsonSchema) })
        let openAPI = StaticAsset(data: Data(JSONCoding.string(document).utf8), contentType: "application/json; charset=utf-8")
        APIRoutes(service: runtime, openAPI: openAPI, taskLists: RevisionCache { runtime.revision }).add(to: router)
        EventStreamRoute(service: runtime).add(to: router)
        CreativeRoutes(service: runtime).add(to: router)
        ProjectRoutes(service: runtime).add(to: router)
        MediaFiles.add(to: router, settings: runtime.settings)
        PreviewRoutes(previews: Previews(settings: runtime.settings)).add(to: router)
        PageRoutes(service: runtime, pages: resources.pages).add(to: router)
        StudioRoutes(service: runtime, pages: resources.pages).add(to: router)
        ProjectPageRoutes(service: runtime, pages: resources.pages).add(to: router)
        return router
    }
}

/// Runs the swarm for as long as the server runs; graceful shutdown stops new auctions.
struct RuntimeService: Service {
    let runtime: TimmyRuntime

    func run() async throws {
        await withGracefulShutdownHandler {
            await runtime.run()
        } onGracefulShutdown: {
            runtime.shutdown()
        }
    }
}
