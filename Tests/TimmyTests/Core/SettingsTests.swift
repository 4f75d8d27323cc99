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
        #expect(settings.double("auction_window_seconds") == 2)
        #expect(settings.string("flux_model_id") == "black-forest-labs/FLUX.2-klein-4b")
        #expect(settings.string("video_default_resolution") == "480p")
        #expect(settings.double("video_transition_duration") == 1.0)
        #expect(settings.int("image_default_steps") == 4)
        #expect(settings.string("worker_url") == "")
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

    @Test("paths resolve against the start folder and ~ against home")
    func paths() throws {
        let settings = try Settings.load(baseDirectory: URL(fileURLWithPath: "/srv/timmy"), environment: ["TIMMY_DATA_DIR": "state/db"])
        #expect(settings.dataDirectory.path == "/srv/timmy/state/db")
        #expect(settings.workspaceDirectory.path == "/srv/timmy")
        #expect(
            settings.path("git_default_repo_dir").path
                == FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent("repos").standardizedFileURL.path)
    }
}
