import Foundation
import Testing
import TimmyCore
import TimmyStore

@testable import TimmySwarm

@Suite("JSON read and written by hand")
struct JSONTextTests {
    static let samples = [
        #"{"a":1,"b":[true,false,null],"c":{"d":"e"}}"#, #"[]"#, #"{}"#, #"-12"#, #"3.25"#, #"1e3"#, #"2.0"#, #"-0.5E-2"#,
        #""plain""#, #""quote \" backslash \\ slash \/ tab \t newline \n""#, #""\u00e9\u4e2d\ud83d\ude00""#, #""naïve ☕️ 😀""#,
        #"  { "spaced" : [ 1 , 2 ] }  "#, #"[9223372036854775807, 1.5, "x"]"#,
    ]

    @Test("parsing agrees with Foundation's decoder", arguments: samples)
    func parsesLikeFoundation(_ text: String) throws {
        let expected = try JSONCoding.decoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(JSONValue.parse(text) == expected)
    }

    @Test(
        "malformed text is refused",
        arguments: [#"{"a":1"#, #"[1,]"#, #""open"#, #""bad \x escape""#, "\"raw\ncontrol\"", "1 2", "tru", #"{"a" 1}"#, ""])
    func refusesMalformed(_ text: String) {
        #expect(JSONValue.parse(text) == nil)
    }

    @Test("written text parses back to the same value, keys sorted")
    func roundTrips() throws {
        for text in Self.samples {
            let value = try #require(JSONValue.parse(text))
            #expect(JSONValue.parse(value.jsonText) == value)
        }
        #expect(JSONValue.object(["b": 1, "a": "x\"y"]).jsonText == #"{"a":"x\"y","b":1}"#)
    }

    @Test("a task list is written byte for byte as the shared encoder writes it")
    func taskListMatchesEncoder() throws {
        var done = TaskRecord(
            id: "t1", description: "list \"all\" files\tin /src — naïve ☕️", status: .completed,
            plan: [PlannedCall(tool: "list_files", arguments: ["path": "a/b", "recursive": true, "max_entries": 5])],
            createdAt: Date(timeIntervalSince1970: 1_709_164_799.999))
        done.winner = "quill"
        done.winningBid = 56
        done.result = "3 entries\nREADME.md\n"
        done.updatedAt = Date(timeIntervalSince1970: 1_709_164_800.5)
        var failed = TaskRecord(id: "t2", description: "bake a cake", status: .failed, plan: [], createdAt: Date(timeIntervalSince1970: 0))
        failed.failureReason = "no plan for this task"
        let list = TaskList(tasks: [done, failed], counts: ["completed": 1, "failed": 1, "pending": 0], limit: 50, offset: 0)
        let encoded = String(decoding: try JSONCoding.encoder().encode(list), as: UTF8.self)
        #expect(list.jsonText == encoded)
    }
}
