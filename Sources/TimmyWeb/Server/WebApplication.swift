import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TimmySwarm

/// Builds the HTTP application around a runtime: the JSON API, and the runtime itself as a
/// service of the application's group, so both start and stop together.
public enum WebApplication {
    /// - Parameter onRunning: called with the bound port once listening (port 0 picks a free one).
    public static func build(
        runtime: TimmyRuntime, configuration: ServerConfiguration, logger: Logger = Logger(label: "timmy.web"),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        try configuration.validate()
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: JSONErrorMiddleware())
        if let token = configuration.authToken { router.add(middleware: BearerAuthMiddleware(token: token)) }
        APIRoutes(service: runtime).add(to: router)
        CreativeRoutes(runtime: runtime).add(to: router)
        MediaFiles.add(to: router, settings: runtime.settings)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Timmy/\(timmyVersion)"),
            services: [RuntimeService(runtime: runtime)],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
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
