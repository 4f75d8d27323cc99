import ArgumentParser
import Foundation
import Hummingbird
import Logging
import TimmyAPI
import TimmyCore
import TimmySwarm
import TimmyWeb

/// `timmy serve`: the HTTP server with the JSON API, running the swarm.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the server: the JSON API and the swarm that works on posted tasks.")

    @OptionGroup var options: GlobalOptions

    @Option(help: "Address to listen on (default: the 'host' setting, 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (default: the 'port' setting, 8000).")
    var port: Int?

    func run() async throws {
        var settings = try options.loadSettings()
        do {
            if let host { try settings.set(.host, text: host, source: .flag("host")) }
            if let port { try settings.set(.port, text: String(port), source: .flag("port")) }
        } catch {
            throw ValidationError(error.description)
        }
        let server = ServerConfiguration(settings: settings)
        do { try server.validate() } catch { throw ValidationError(error.description) }
        let lock: DataFolderLock
        do { lock = try DataFolderLock(settings: settings) } catch { throw CommandFailure(error) }
        let logger = Logger(label: "timmy")
        let runtime = try await TimmyRuntime.open(settings: settings, logger: logger)
        try await runtime.recoverInterrupted()
        let dataPath = settings.dataDirectory.path
        let app = try WebApplication.build(runtime: runtime, configuration: server, logger: logger) { port in
            logger.info("Timmy \(timmyVersion) listening on http://\(server.host):\(port) (data: \(dataPath))")
        }
        try await app.runService()
        withExtendedLifetime(lock) {}
    }
}
