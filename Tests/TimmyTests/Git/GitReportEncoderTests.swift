import Foundation
import Testing
import TimmyAPI
import TimmyCore
import TimmyTestSupport

@testable import TimmyGit

@Suite("Git reports as JSON")
struct GitReportEncoderTests {
    /// What `JSONEncoder` with snake_case keys, decoded back into `JSONValue`, makes of a value.
    static func viaText(_ value: some Encodable) throws -> JSONValue {
        let encoder = JSONCoding.encoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try JSONCoding.decoder().decode(JSONValue.self, from: encoder.encode(value))
    }

    @Test("reports encode to the same JSON as JSONEncoder with snake_case keys would give")
    func matchesJSONEncoder() async throws {
        let fixture = try await GitFixture()
        defer { fixture.remove() }
        try fixture.write("notes.txt", "two\n")
        try await fixture.git(["commit", "--quiet", "-am", "second"])
        try fixture.write("new.txt", "n\n")
        let status: GitStatusReport = try await fixture.report("git_status", ["repo": "demo"])
        let log: GitLogReport = try await fixture.report("git_log", ["repo": "demo"])
        let blame: GitBlameReport = try await fixture.report("git_blame", ["repo": "demo", "path": "notes.txt"])
        #expect(status.json == (try Self.viaText(status)))
        #expect(log.json == (try Self.viaText(log)))
        #expect(blame.json == (try Self.viaText(blame)))
        guard case .array(let commits)? = log.json["commits"] else {
            Issue.record("the log's JSON has no commits array")
            return
        }
        #expect(commits.first?["files_changed"] == 1 && status.json["operation"] == nil)
    }

    /// A value that uses every kind of container the synthesized conformances do not.
    struct Handwritten: Encodable {
        enum Keys: String, CodingKey { case nestedObject, nestedList, parent }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var object = container.nestedContainer(keyedBy: Keys.self, forKey: .nestedObject)
            try object.encode(1.5, forKey: .parent)
            try object.encodeNil(forKey: .nestedList)
            var list = container.nestedUnkeyedContainer(forKey: .nestedList)
            try list.encode(true)
            var inner = list.nestedUnkeyedContainer()
            try inner.encode("x")
            try list.encode(Int8(3))
            try list.encode(UInt64.max)
            try list.encode(Float(0.5))
            try "base".encode(to: container.superEncoder(forKey: .parent))
        }
    }

    @Test(
        "blame dates read like git log's %aI",
        arguments: [
            (0, "+0000", "1970-01-01T00:00:00+00:00"), (1_700_000_000, "-0130", "2023-11-14T20:43:20-01:30"),
            (951_825_600, "+0100", "2000-02-29T13:00:00+01:00"), (-86_401, "+0000", "1969-12-30T23:59:59+00:00"),
        ])
    func dates(_ seconds: Int, _ zone: String, _ expected: String) {
        #expect(GitDate.iso(seconds: seconds, zone: zone) == expected)
    }

    @Test("nested containers, super encoders and other number types come out as JSONEncoder's")
    func containers() throws {
        #expect(try ReportEncoder.encode(Handwritten()) == (try Self.viaText(Handwritten())))
        #expect(WireName.snakeCase("filesChanged") == "files_changed" && WireName.snakeCase("sha") == "sha")
    }
}
