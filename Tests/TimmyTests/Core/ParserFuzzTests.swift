import Foundation
import Testing
import TimmyCore
import TimmyFileTools
import TimmySwarm
import TimmyTestSupport

/// Seeded random inputs for every parser of untrusted text: the planner's rules, `timmy.toml`, the JSON
/// parser, path confinement and the control-character rule. Each property must hold for every input;
/// a failure names the seed's input, so it can be replayed.
@Suite("Parser fuzzing: hostile text never crashes a parser, and every refusal names its field")
struct ParserFuzzTests {
    /// Pieces hostile text is made of: words the rules look for, quotes, escapes, control and
    /// direction characters, path parts, TOML and JSON punctuation, and scripts other than Latin.
    static let fragments = [
        "git", "log", "status", "of", "repo", "list", "files", "in", "read", "commit", "-m", "make", "a", "music video about", "image", "song",
        "..", "/", "\\", ".", "~", "\0", "\u{1B}[2J", "\u{7F}", "\u{85}", "\u{202E}", "'", "\"", "%{pts}", ":", ";", "\n", "\r\n", "\t", " ",
        "=", "[", "]", "{", "}", "#", ",", "true", "1e309", "-0", "\"\"\"", "é", "中文", "שלום", "🙂", "port", "host", "seed", "\\u0000",
    ]

    static func text(_ random: inout StableRandom, pieces: ClosedRange<Int> = 0...12) -> String {
        (0..<Int.random(in: pieces, using: &random)).map { _ in fragments.randomElement(using: &random)! }.joined()
    }

    @Test("the planner's rules take any text without crashing, and plan only tools that exist")
    func planner() {
        var random = StableRandom(seed: 1)
        let planner = DeterministicPlanner()
        // The families' tools, and the Director's, which the runtime registers beside them.
        let known = Set(ToolFamilies.standard.flatMap(\.tools).map(\.name) + ["create_music_video"])
        for _ in 0..<3000 {
            let description = Self.text(&random)
            for call in planner.plan(description) ?? [] {
                #expect(known.contains(call.tool), "\(description.debugDescription) planned unknown tool \(call.tool)")
            }
        }
    }

    @Test("timmy.toml of hostile text loads, or is refused naming the file")
    func settingsFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        var random = StableRandom(seed: 2)
        let file = folder.file("timmy.toml")
        var refused = 0
        for index in 0..<400 {
            let text = index % 2 == 0 ? Self.text(&random) : "port = \(Self.text(&random, pieces: 0...2))\nseed = \"\(Self.text(&random))\"\n"
            try Data(text.utf8).write(to: file)
            do {
                _ = try Settings.load(baseDirectory: folder.url, configFile: file, environment: [:])
            } catch {
                refused += 1
                #expect(error.description.contains("timmy.toml"), "\(text.debugDescription): \(error.description)")
            }
        }
        #expect(refused > 0, "the hostile files include broken ones")
        // Found by this test: toml++ aborted the process on this table header.
        try Data("[/\r\nreadrepo".utf8).write(to: file)
        #expect(throws: SettingsError.syntax(file: file.path, line: 1, reason: "tables are not used in timmy.toml; write plain `key = value` lines"))
        {
            try Settings.load(baseDirectory: folder.url, configFile: file, environment: [:])
        }
    }

    @Test("the JSON parser takes any text without crashing, and reads back every value it writes")
    func json() {
        var random = StableRandom(seed: 3)
        for _ in 0..<3000 { _ = JSONValue.parse(Self.text(&random)) }
        for _ in 0..<500 {
            // Text, not values, must match: 219.0 is written 219 and read back as an integer.
            let text = Self.value(&random, depth: 3).jsonText
            #expect(JSONValue.parse(text)?.jsonText == text, "\(text)")
        }
    }

    @Test("path confinement never lets a path out of its root, and names the argument when it refuses")
    func paths() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("root/inside/file.txt", "x")
        let jail = PathJail(root: folder.file("root"))
        var random = StableRandom(seed: 4)
        let parts = ["..", ".", "inside", "file.txt", "/", "//", "new", "\0", "~", "%2e%2e", "…", "中"]
        for _ in 0..<3000 {
            let path = (0..<Int.random(in: 0...8, using: &random)).map { _ in parts.randomElement(using: &random)! }.joined(separator: "/")
            do {
                let url = try jail.resolve(path, argument: "path")
                #expect(jail.contains(url), "\(path.debugDescription) resolved outside: \(url.path)")
            } catch {
                guard case .invalidArgument(let name, _) = error else {
                    Issue.record("\(path.debugDescription): \(error)")
                    continue
                }
                #expect(name == "path")
            }
        }
    }

    @Test("the control-character rule passes text exactly when it holds no control character but a line break or tab")
    func controlCharacters() {
        var random = StableRandom(seed: 5)
        for _ in 0..<3000 {
            let text = Self.text(&random)
            let hasControl = text.unicodeScalars.contains { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) }
            #expect((ControlCharacters.problem(in: text) != nil) == hasControl, "\(text.debugDescription)")
        }
    }

    /// A random JSON value of at most `depth` levels, with hostile strings and keys.
    static func value(_ random: inout StableRandom, depth: Int) -> JSONValue {
        switch Int.random(in: 0...(depth > 0 ? 6 : 4), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .int(Int.random(in: -1_000_000...1_000_000, using: &random))
        case 3: return .double(Double(Int.random(in: -10_000...10_000, using: &random)) / 8)
        case 4: return .string(text(&random))
        case 5: return .array((0..<Int.random(in: 0...3, using: &random)).map { _ in value(&random, depth: depth - 1) })
        default:
            var object: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...3, using: &random) { object[text(&random, pieces: 1...3)] = value(&random, depth: depth - 1) }
            return .object(object)
        }
    }
}
