import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyTestSupport

@Suite("Creative commands of the timmy binary")
struct CreativeCLITests {
    /// Runs `timmy` in `folder` with no server answering, so the job runs in-process.
    private static func timmy(_ arguments: [String], in folder: TemporaryDirectory) throws -> (status: Int32, output: String) {
        try TimmyBinary.run(arguments, in: folder.url, environment: ["TIMMY_PORT": String(TimmyBinary.freePort())])
    }

    private static func json(_ output: String) throws -> JSONValue {
        let start = try #require(output.firstIndex(of: "{"), "no JSON in: \(output)")
        return try JSONCoding.decoder().decode(JSONValue.self, from: Data(output[start...].utf8))
    }

    @Test("storyboard FILE makes a frame per line and a sheet; variations ASSET -n 2 makes two of that image")
    func storyboardThenVariations() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("scenes.txt", "a harbour at dawn\n\nboats at sea at noon\n")
        let board = try Self.timmy(["storyboard", "scenes.txt", "--seed", "3", "--json"], in: folder)
        #expect(board.status == 0, "\(board.output)")
        let boardJSON = try Self.json(board.output)
        #expect(boardJSON["job"]?["status"]?.stringValue == "done")
        let frames = boardJSON["assets"]?.arrayValue ?? []
        #expect(frames.count == 3, "two frames and the contact sheet")
        let source = try #require(frames.first?["id"]?.stringValue)

        let variations = try Self.timmy(["variations", source, "-n", "2", "--seed", "1", "--json"], in: folder)
        #expect(variations.status == 0, "\(variations.output)")
        let made = try Self.json(variations.output)["assets"]?.arrayValue ?? []
        #expect(made.count == 2 && made.allSatisfy { $0["sourceAssetId"]?.stringValue == source })
        for asset in made + frames {
            let path = try #require(asset["path"]?.stringValue)
            #expect(FileManager.default.fileExists(atPath: path.hasPrefix("/") ? path : folder.file(path).path), "\(path)")
        }
    }

    @Test("a lyrics file that cannot be read is an error naming the option, with no usage text and nothing made")
    func unreadableLyrics() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let song = try Self.timmy(["song", "--lyrics-file", "missing.txt"], in: folder)
        #expect(song.status == 1, "\(song.output)")
        #expect(song.output.contains("--lyrics-file: cannot read 'missing.txt'") && !song.output.contains("Usage:"), "\(song.output)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("data/music").path))
    }
}
