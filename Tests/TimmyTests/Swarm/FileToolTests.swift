import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyFileTools
import TimmyTestSupport

@Suite("Workspace file tools")
struct FileToolTests {
    let folder: TemporaryDirectory
    let settings: Settings
    let registry = ToolRegistry(FileTools.all)

    init() throws {
        folder = try TemporaryDirectory()
        try folder.write("ws/README.md", "# Demo\nhello world\n")
        try folder.write("ws/src/main.swift", "print(\"Hello\")\n// TODO: more\n")
        try folder.write("secret.txt", "outside\n")
        var settings = Settings(baseDirectory: folder.url)
        try settings.set(.workspaceDir, text: folder.file("ws").path, source: .flag("test"))
        self.settings = settings
    }

    func call(_ tool: String, _ arguments: [String: JSONValue], as persona: String = "forge") async throws -> ToolResult {
        let (tool, checked) = try registry.prepare(tool: tool, persona: persona, arguments: arguments)
        return try await tool.run(checked, context: ToolContext(persona: persona, taskID: nil, settings: settings))
    }

    @Test("list, read, search and write do real work inside the workspace")
    func happyPaths() async throws {
        defer { folder.remove() }
        let listing = try await call("list_files", ["path": "."])
        #expect(listing.text.contains("README.md") && listing.text.contains("src/"))
        let recursive = try await call("list_files", ["recursive": true])
        #expect(recursive.text.contains("src/main.swift"))
        let read = try await call("read_file", ["path": "README.md"])
        #expect(read.text == "# Demo\nhello world\n")
        let search = try await call("search_files", ["query": "hello"])
        #expect(search.text.contains("README.md:2: hello world") && search.text.contains("src/main.swift:1"))
        let written = try await call("write_file", ["path": "notes.txt", "content": "one\n"])
        #expect(written.summary.contains("4 bytes"))
        _ = try await call("write_file", ["path": "notes.txt", "content": "two\n", "append": true])
        #expect(try String(contentsOf: folder.file("ws/notes.txt"), encoding: .utf8) == "one\ntwo\n")
    }

    @Test("paths leading out of the workspace are refused", arguments: ["../secret.txt", "/etc/passwd", "src/../../secret.txt", "link/secret.txt"])
    func confinement(_ path: String) async throws {
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(at: folder.file("ws/link"), withDestinationURL: folder.url)
        await #expect(throws: ToolError.self) { try await call("read_file", ["path": .string(path)]) }
        await #expect(throws: ToolError.self) { try await call("write_file", ["path": .string(path), "content": "x"]) }
        #expect(try String(contentsOf: folder.file("secret.txt"), encoding: .utf8) == "outside\n")
    }

    @Test("write_file is only for Forge, Helm and Quill; read tools are for everyone")
    func toolkits() throws {
        #expect(registry.toolkit(of: "timmy") == ["list_files", "read_file", "search_files"])
        #expect(registry.toolkit(of: "quill").contains("write_file"))
        #expect(throws: ToolError.notInToolkit(tool: "write_file", persona: "echo", allowed: ["forge", "helm", "quill"])) {
            try registry.prepare(tool: "write_file", persona: "echo", arguments: ["path": "a", "content": "b"])
        }
    }

    @Test("arguments are checked: missing, unknown, mistyped and out of range")
    func arguments() async throws {
        defer { folder.remove() }
        #expect(throws: ToolError.missingArgument(tool: "read_file", name: "path")) {
            try registry.prepare(tool: "read_file", persona: "echo", arguments: [:])
        }
        #expect(throws: ToolError.self) { try registry.prepare(tool: "read_file", persona: "echo", arguments: ["path": "a", "colour": "red"]) }
        #expect(throws: ToolError.self) { try registry.prepare(tool: "read_file", persona: "echo", arguments: ["path": 5]) }
        await #expect(throws: ToolError.self) { try await call("list_files", ["max_entries": 0]) }
        await #expect(throws: ToolError.self) { try await call("read_file", ["path": "missing.txt"]) }
        await #expect(throws: ToolError.self) { try await call("read_file", ["path": "src"]) }
    }

    @Test("binary files are not read as text")
    func binary() async throws {
        defer { folder.remove() }
        try Data([0, 1, 2, 3]).write(to: folder.file("ws/blob.bin"))
        await #expect(throws: ToolError.self) { try await call("read_file", ["path": "blob.bin"]) }
    }
}
