import Foundation
import Testing
import TimmyAssembler
import TimmyCore
import TimmyTestSupport

@testable import TimmyAssembler

@Suite("The edit file: defaults, presets, refusals that name the field, and subtitle text")
struct AssemblyEditTests {
    static let settings = Settings(baseDirectory: URL(fileURLWithPath: "/tmp"))

    static func decode(_ json: String, settings: Settings = settings) throws(AssemblyError) -> AssemblyEdit {
        try AssemblyEdit.decode(Data(json.utf8), settings: settings)
    }

    /// The field a refusal names, or nil when the edit is accepted.
    static func refusedField(_ json: String) -> String? {
        do {
            try decode(json).validate()
            return nil
        } catch {
            if case .invalid(let field, _) = error { return field }
            return "\(error)"
        }
    }

    @Test("absent values take their defaults, the transition from video_transition_duration; the file round-trips")
    func defaults() throws {
        var settings = Self.settings
        try settings.set(.videoTransitionDuration, text: "0.5", source: .flag("test"))
        let edit = try Self.decode(#"{"clips": ["a.mp4"]}"#, settings: settings)
        #expect(edit == AssemblyEdit(clips: ["a.mp4"], transition: 0.5))
        #expect(edit.audioFade == 2 && edit.loudness == -14 && edit.burnCaptions && edit.preset == "480p" && edit.fps == 24 && edit.codec == nil)
        let full = AssemblyEdit(
            clips: ["a.mp4", "b.mp4"], transition: 1, music: "m.wav", title: .init(text: "T\nline", seconds: 3),
            captions: [.init(start: 1, end: 2, text: "x")],
            burnCaptions: false, preset: "1080p-9:16", codec: "libx264", fps: 30, clipAudio: true)
        #expect(try Self.decode(full.jsonText) == full)
        #expect(full.jsonText.contains("\"burn_captions\" : false") && full.jsonText.contains("\"audio_fade\""))
    }

    @Test("presets: three heights at 16:9, 9:16 and 1:1; 480p is 854×480")
    func presets() {
        #expect(VideoPreset.names == ["480p", "480p-9:16", "480p-1:1", "720p", "720p-9:16", "720p-1:1", "1080p", "1080p-9:16", "1080p-1:1"])
        #expect(VideoPreset.named("480p")?.width == 854 && VideoPreset.named("480p")?.height == 480)
        #expect(VideoPreset.named("720P-16:9")?.name == "720p" && VideoPreset.named("1080p-9:16")?.width == 1080)
        #expect(VideoPreset.named("4k") == nil)
        #expect(VideoPreset.matching(width: 1280, height: 720).name == "720p" && VideoPreset.matching(width: 320, height: 240).name == "480p")
        #expect(VideoPreset.matching(width: 300, height: 600).name == "480p-9:16")
    }

    @Test("each mistake is refused with its field named")
    func refusals() {
        #expect(Self.refusedField(#"{"clips": ["a.mp4"], "preset": "4k"}"#) == "preset")
        #expect(Self.refusedField(#"{"clips": ["a.mp4"], "transition": -1}"#) == "transition")
        #expect(
            Self.refusedField(#"{"clips": ["a.mp4"], "captions": [{"start": 1, "end": 2, "text": "ok"}, {"start": 3, "end": 2, "text": "x"}]}"#)
                == "captions[1].end")
        #expect(Self.refusedField(#"{"clips": ["a.mp4"], "captions": [{"start": 1, "end": 2}]}"#) == "captions[0].text")
        #expect(Self.refusedField(#"{"clips": ["a.mp4"], "captions": [{"start": 1, "end": 2, "text": "  "}]}"#) == "captions[0].text")
        #expect(Self.refusedField(#"{"clips": ["a.mp4"], "title": {"text": "T", "seconds": "long"}}"#) == "title.seconds")
        #expect(Self.refusedField(#"{"clips": ["a.mp4"], "transtion": 1}"#) == "transtion")
        #expect(Self.refusedField(#"{"clips": []}"#) == "clips")
        #expect(Self.refusedField(#"{"clips": ["a.mp4", " "]}"#) == "clips[1]")
        #expect(Self.refusedField(#"{"transition": 1}"#) == "clips")
        #expect(Self.refusedField(#"{"clips": ["a.mp4"], "loudness": 3}"#) == "loudness")
        #expect(Self.refusedField(#"{"clips": ["a.mp4"], "fps": 1000}"#) == "fps")
        #expect(Self.refusedField(#"{"clips": ["a.mp4"], "codec": "x264; rm -rf"}"#) == "codec")
        #expect(Self.refusedField(#"{"clips": ["a.mp4"],"#) == "edit")
        #expect(Self.refusedField(#"{"clips": ["a.mp4"], "preset": "720p-1:1"}"#) == nil)
    }

    @Test("ASS text: line breaks become \\N, braces and backslashes cannot start overrides, CJK runs take the CJK font")
    func assEscaping() {
        #expect(ASSWriter.escape("a {\\b1} b\nc") == "a \\{\\\u{2060}b1\\} b\\Nc")
        #expect(ASSWriter.escape("%{pts} : 'q' \"d\"") == "%\\{pts\\} : 'q' \"d\"")
        #expect(ASSWriter.escape("sun 日出 rise") == "sun {\\fnWenQuanYi Micro Hei}日出 {\\fnDejaVu Sans}rise")
        #expect(ASSWriter.escape("שלום") == "שלום")
        #expect(ASSWriter.time(3723.456) == "1:02:03.46" && SRTWriter.time(3723.456) == "01:02:03,456")
    }

    @Test("SRT text: numbered cues, times to the millisecond, blank lines inside a text removed")
    func srt() {
        let cues = [TimedText(start: 0, end: 1.5, role: .title, text: "T\r\n\r\nline 2"), TimedText(start: 2, end: 3, role: .caption, text: " x ")]
        #expect(SRTWriter.text(cues) == "1\n00:00:00,000 --> 00:00:01,500\nT\nline 2\n\n2\n00:00:02,000 --> 00:00:03,000\nx\n")
    }

    @Test("caption files: SRT and JSON are read; a bad time line is refused with its line")
    func captionFiles() throws {
        let srt = "\u{FEFF}1\n00:00:01,000 --> 00:00:02,500\nfirst: \"one\"\nsecond line\n\n2\n00:00:03.000 --> 00:00:04,000\n{\\i1}x\n"
        #expect(
            try CaptionFile.srt(srt, field: "captions") == [
                .init(start: 1, end: 2.5, text: "first: \"one\"\nsecond line"), .init(start: 3, end: 4, text: "{\\i1}x"),
            ])
        #expect(throws: AssemblyError.invalid(field: "captions", reason: "line 6: expected a time line such as 00:00:01,000 --> 00:00:02,500")) {
            try CaptionFile.srt("1\n00:00:01,000 --> 00:00:02,000\na\n\n2\n1 to 2\nb\n", field: "captions")
        }
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let list = try folder.write("c.json", #"[{"start": 0, "end": 1, "text": "a"}]"#)
        let wrapped = try folder.write("w.json", #"{"captions": [{"start": 0, "end": 1, "text": "a"}]}"#)
        #expect(try CaptionFile.read(list, field: "captions") == [.init(start: 0, end: 1, text: "a")])
        #expect(try CaptionFile.read(wrapped, field: "captions") == [.init(start: 0, end: 1, text: "a")])
    }
}
