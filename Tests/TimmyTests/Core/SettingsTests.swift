import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyTestSupport

@Suite("Settings")
struct SettingsTests {
    @Test("defaults are the documented ones, each from 'default'")
    func defaults() throws {
        let settings = try Settings.load(baseDirectory: URL(fileURLWithPath: "/tmp/none-\(UUID())"), environment: [:])
        #expect(settings.host == "127.0.0.1")
        #expect(settings.port == 8000)
        #expect(settings[.auctionWindowSeconds] == 2)
        #expect(settings[.fluxModelID] == "black-forest-labs/FLUX.2-klein-4B")
        #expect(settings[.videoDefaultResolution] == "480p")
        #expect(settings[.videoTransitionDuration] == 1.0)
        #expect(settings[.imageDefaultSteps] == 4)
        #expect(settings[.workerURL] == "")
        #expect(settings.effective.allSatisfy { $0.source == .defaultValue })
        #expect(settings.effective.count == SettingDefinition.all.count)
    }

    @Test("the file overrides defaults and the environment overrides the file")
    func precedence() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("timmy.toml", "# comment\nport = 9000\nhost = \"0.0.0.0\" # trailing\nspark_enabled = false\n")
        let settings = try Settings.load(baseDirectory: folder.url, environment: ["TIMMY_PORT": "9100", "PATH": "/bin"])
        #expect(settings.port == 9100)
        #expect(settings.host == "0.0.0.0")
        #expect(settings.sparkEnabled == false)
        let sources = Dictionary(uniqueKeysWithValues: settings.effective.map { ($0.definition.key, $0.source.description) })
        #expect(sources["port"] == "env TIMMY_PORT")
        #expect(sources["host"] == "timmy.toml:3")
        #expect(sources["data_dir"] == "default")
    }

    @Test("an unknown key names the key, in the file and in the environment")
    func unknownKey() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("timmy.toml", "prot = 8000\n")
        #expect(throws: SettingsError.unknownKey(key: "prot", source: "timmy.toml:1")) {
            try Settings.load(baseDirectory: folder.url, environment: [:])
        }
        #expect(throws: SettingsError.unknownKey(key: "colour", source: "env TIMMY_COLOUR")) {
            try Settings.load(baseDirectory: URL(fileURLWithPath: "/nonexistent"), environment: ["TIMMY_COLOUR": "red"])
        }
    }

    @Test("a value of the wrong type is an error naming the key, never a silent default")
    func wrongType() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("timmy.toml", "port = \"eighty\"\n")
        #expect(throws: SettingsError.wrongType(key: "port", source: "timmy.toml:1", expected: "an integer", got: "'eighty'")) {
            try Settings.load(baseDirectory: folder.url, environment: [:])
        }
        do {
            _ = try Settings.load(baseDirectory: URL(fileURLWithPath: "/nonexistent"), environment: ["TIMMY_SPARK_ENABLED": "maybe"])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("spark_enabled"))
        }
    }

    @Test("values outside their rule are refused with the rule")
    func invalidValues() {
        for (key, value) in [("port", "70000"), ("creative_backend", "gpu"), ("video_default_resolution", "4k"), ("auction_window_seconds", "0")] {
            do {
                _ = try Settings.load(baseDirectory: URL(fileURLWithPath: "/nonexistent"), environment: ["TIMMY_" + key.uppercased(): value])
                Issue.record("\(key)=\(value) was accepted")
            } catch {
                #expect(error.description.contains("'\(key)'"))
            }
        }
    }

    @Test("TOML syntax the reader does not understand is refused with its line")
    func syntax() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("timmy.toml", "port = 8000\n[server]\n")
        #expect(throws: SettingsError.self) { try Settings.load(baseDirectory: folder.url, environment: [:]) }
        try folder.write("timmy.toml", "port = 1\nport = 2\n")
        do {
            _ = try Settings.load(baseDirectory: folder.url, environment: [:])
            Issue.record("duplicate key accepted")
        } catch {
            #expect(error.description.contains("timmy.toml:2"))
        }
    }

    @Test("a TOML syntax error, a table or an array names the file and the line")
    func syntaxLines() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let cases = [
            ("port = 8000\nhost = = \"x\"\n", 2), ("# tables\nport = 8000\n\n[server]\nport = 1\n", 4),
            ("port = 8000\nworker.url = \"x\"\n", 2), ("port = 8000\n\nhost = [\"a\", \"b\"]\n", 3), ("seed = \"unclosed\n", 1),
        ]
        for (text, line) in cases {
            try folder.write("timmy.toml", text)
            do {
                _ = try Settings.load(baseDirectory: folder.url, environment: [:])
                Issue.record("accepted \(text)")
            } catch {
                guard case .syntax(let file, let errorLine, _) = error else {
                    Issue.record("\(error) is not a syntax error")
                    continue
                }
                #expect(file == "timmy.toml" && errorLine == line, "\(text)")
                #expect(error.description.hasPrefix("timmy.toml:\(line): "))
            }
        }
        let explicit = folder.file("other.toml")
        try "port 8000\n".write(to: explicit, atomically: true, encoding: .utf8)
        #expect(throws: SettingsError.self) { try Settings.load(baseDirectory: folder.url, configFile: explicit, environment: [:]) }
        do { _ = try Settings.load(baseDirectory: folder.url, configFile: explicit, environment: [:]) } catch {
            #expect(error.description.hasPrefix("\(explicit.path):1: "))
        }
    }

    @Test("TOML strings, integers with underscores, floats and booleans are read as their kinds")
    func tomlValues() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(
            "timmy.toml",
            "port = 8_080\nauction_window_seconds = 3\nvideo_transition_duration = 0.5\nseed = 'lit\\eral'\n"
                + "llm_model = \"tab\\there\"\nspark_enabled = true\n")
        let settings = try Settings.load(baseDirectory: folder.url, environment: [:])
        #expect(settings.port == 8080)
        #expect(settings[.auctionWindowSeconds] == 3)
        #expect(settings[.videoTransitionDuration] == 0.5)
        #expect(settings[.seed] == "lit\\eral")
        #expect(settings[.llmModel] == "tab\there")
        #expect(settings.sparkEnabled)
    }

    @Test("paths resolve against the start folder and ~ against home")
    func paths() throws {
        let settings = try Settings.load(baseDirectory: URL(fileURLWithPath: "/srv/timmy"), environment: ["TIMMY_DATA_DIR": "state/db"])
        #expect(settings.dataDirectory.path == "/srv/timmy/state/db")
        #expect(settings.workspaceDirectory.path == "/srv/timmy")
        #expect(
            settings[.gitDefaultRepoDir].path
                == FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent("repos").standardizedFileURL.path)
    }

    @Test("setting only data_dir moves the store and the media folders together")
    func oneDataFolder() throws {
        let base = URL(fileURLWithPath: "/srv/timmy")
        let defaults = Settings(baseDirectory: base)
        let media: [Setting<URL>] = [.imageOutputDir, .musicOutputDir, .videoOutputDir, .creativeOutputDir]
        #expect(media.map { defaults[$0].path } == ["images", "music", "video", "creative"].map { "/srv/timmy/data/\($0)" })
        let moved = try Settings.load(baseDirectory: base, environment: ["TIMMY_DATA_DIR": "/var/lib/timmy"])
        #expect(moved.dataDirectory.path == "/var/lib/timmy")
        #expect(media.map { moved[$0].path } == ["images", "music", "video", "creative"].map { "/var/lib/timmy/\($0)" })
        let values = Dictionary(uniqueKeysWithValues: moved.effective.map { ($0.definition.key, ($0.value.description, $0.source)) })
        #expect(values["image_output_dir"]?.0 == "/var/lib/timmy/images" && values["image_output_dir"]?.1 == .defaultValue)
        var set = defaults
        try set.set(.dataDir, text: "~/timmy", source: .flag("test"))
        #expect(set[.creativeOutputDir].path == FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent("timmy/creative").path)
        let own = try Settings.load(baseDirectory: base, environment: ["TIMMY_DATA_DIR": "/var/lib/timmy", "TIMMY_VIDEO_OUTPUT_DIR": "clips"])
        #expect(own[.videoOutputDir].path == "/srv/timmy/clips")
        #expect(own[.musicOutputDir].path == "/var/lib/timmy/music")
    }

    @Test("docs/configuration.md documents every key, in catalog order, and no other")
    func documented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../docs/configuration.md")
        let rows = try String(contentsOf: docs, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("| `") }
        let keys = rows.map { $0.split(separator: "`")[1] }.map(String.init)
        #expect(keys == SettingDefinition.all.map(\.key))
    }
}
