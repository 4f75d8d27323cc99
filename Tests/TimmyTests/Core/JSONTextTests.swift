import Foundation
import Testing
import TimmyCore

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
}
