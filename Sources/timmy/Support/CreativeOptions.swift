import ArgumentParser
import Foundation
import TimmyCore

/// Options every creative command takes.
struct CreativeOptions: ParsableArguments {
    @Option(help: "Backend: auto, worker or sketch (default: the creative_backend setting).")
    var backend: String?

    @Option(help: "Seed (0-4294967295); the same seed repeats the same result. Drawn at random when absent.")
    var seed: Int?

    /// The shared options as tool arguments.
    var arguments: [String: JSONValue] {
        var arguments: [String: JSONValue] = [:]
        if let backend { arguments["backend"] = .string(backend) }
        if let seed { arguments["seed"] = .int(seed) }
        return arguments
    }

    /// An image reference as the server should read it: an asset id as is, a local file as an absolute path.
    static func imageReference(_ text: String) -> String {
        if UUID(uuidString: text) != nil { return text }
        let url = URL(fileURLWithPath: text, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.path
    }

    /// The text of a file, for lyrics and scene lists.
    static func read(_ path: String, option: String) throws -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CommandFailure("\(option): cannot read '\(path)': \(error.localizedDescription)")
        }
    }
}
