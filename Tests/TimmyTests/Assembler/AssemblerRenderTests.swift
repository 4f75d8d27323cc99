import Foundation
import Testing
import TimmyAssembler
import TimmyCore
import TimmyCreative
import TimmyTestSupport

@Suite("The assembler's one FFmpeg graph on real clips")
struct AssemblerRenderTests {
    /// Text that breaks filter-graph escaping, ASS overrides, SRT cues and naive shaping.
    static let hostile = "He said \"hi\" & 'bye': 100% %{pts} back\\slash \\N {\\b1}braces}\nمرحبا بالعالم — שלום עולם\n日出の山 日出山脉 해돋이"

    @Test("clips cross-faded between a title and credits, music and captions: the planned length, H.264 + AAC + mov_text, every frame")
    func wholeEdit() async throws {
        let fixture = try AssemblyFixture()
        defer { fixture.remove() }
        for (index, hue) in [0, 120, 240].enumerated() { try fixture.clip("c\(index).mp4", seconds: 3, hue: hue) }
        try fixture.song(seconds: 5)
        let edit = AssemblyEdit(
            clips: ["c0.mp4", "c1.mp4", "c2.mp4"].map { fixture.video.appendingPathComponent($0).path }, transition: 1,
            music: fixture.settings.musicOutputDirectory.appendingPathComponent("song.wav").path, title: .init(text: "Sunrise", seconds: 2),
            credits: .init(text: "Made with Timmy", seconds: 2), captions: [.init(start: 3, end: 5, text: "first line")])
        let report = try await fixture.render(edit)
        // 2 s title + 3 × 3 s clips − 2 × 1 s fades + 2 s credits.
        #expect(abs(report.plannedDuration - 11) < 0.001)
        let info = try MediaProbe.video(report.output)
        #expect(abs(info.duration - 11) <= 0.1, "\(info.duration)")
        #expect(info.codec == "h264" && info.pixelFormat == "yuv420p" && info.width == 854 && info.height == 480)
        #expect(info.frames == 11 * 24 && report.frames == 11 * 24, "\(info.frames) \(report.frames)")
        #expect(report.streams == ["h264", "aac", "mov_text"])
        #expect(try MediaProbe.isFaststart(report.output))
        #expect(report.clipStarts == [2, 4, 6])
        let srt = try String(contentsOf: report.srt, encoding: .utf8)
        #expect(srt.hasPrefix("1\n00:00:00,000 --> 00:00:02,000\nSunrise\n"))
        #expect(srt.contains("00:00:03,000 --> 00:00:05,000\nfirst line"))
        #expect(srt.contains("00:00:09,000 --> 00:00:11,000\nMade with Timmy"))
        #expect(try AssemblyFixture.subtitleTrack(report.output).contains("first line"))
        // The music, looped from 5 s to 11 s, meets the −14 LUFS target.
        let loudness = try AssemblyFixture.loudness(report.output)
        #expect(abs(loudness - -14) <= 1, "\(loudness) LUFS")
        // The title card is dark with light words; the first clip follows it.
        let title = try fixture.grey(report.output, at: 1, width: 854, height: 480)
        #expect(title.contains { $0 > 200 } && Double(title.reduce(0) { $0 + Int($1) }) / Double(title.count) < 60)
    }

    @Test("hostile text in the title, captions and credits renders without error and is verbatim in the .srt")
    func hostileText() async throws {
        let fixture = try AssemblyFixture()
        defer { fixture.remove() }
        let clip = try fixture.clip("c.mp4", seconds: 3)
        let edit = AssemblyEdit(
            clips: [clip.path], transition: 0, title: .init(text: Self.hostile, seconds: 1), credits: .init(text: "%{n} \\ : ' \" {x}", seconds: 1),
            captions: [.init(start: 1, end: 2.5, text: Self.hostile), .init(start: 2.5, end: 4, text: "a: b, c; 'd' \"e\" \\f")], preset: "480p-1:1")
        let report = try await fixture.render(edit)
        #expect(report.width == 480 && report.height == 480 && abs(report.duration - 5) <= 0.1)
        let srt = try String(contentsOf: report.srt, encoding: .utf8)
        #expect(srt.components(separatedBy: Self.hostile).count == 3, "the title and the caption, verbatim")
        #expect(srt.contains("a: b, c; 'd' \"e\" \\f") && srt.contains("%{n} \\ : ' \" {x}"))
        // The burned caption changes the picture where it is drawn; the soft track carries the plain one.
        let captioned = try fixture.grey(report.output, at: 3)
        let plain = try fixture.grey(clip, at: 2)
        #expect(AssemblyFixture.difference(captioned, plain) > 0.5)
        #expect(try AssemblyFixture.subtitleTrack(report.output).contains("a: b, c;"))
    }

    @Test("a cross-fade blends the two clips at the cut point where a hard cut shows only the first")
    func crossFadeAgainstCut() async throws {
        let fixture = try AssemblyFixture()
        defer { fixture.remove() }
        let first = try fixture.clip("first.mp4", seconds: 3, size: "854x480")
        let second = try fixture.clip("second.mp4", seconds: 3, size: "854x480", negated: true)
        let cut = try await fixture.render(AssemblyEdit(clips: [first.path, second.path], transition: 0), to: "cut.mp4")
        let fade = try await fixture.render(AssemblyEdit(clips: [first.path, second.path], transition: 1), to: "fade.mp4")
        #expect(abs(cut.duration - 6) <= 0.1 && abs(fade.duration - 5) <= 0.1)
        #expect(cut.frames == 144 && fade.frames == 120)
        // Halfway through the fade (2.5 s) the hard cut still shows the first clip alone.
        let ownFrame = try fixture.grey(first, at: 2.5)
        let cutFrame = try fixture.grey(cut.output, at: 2.5)
        let fadeFrame = try fixture.grey(fade.output, at: 2.5)
        #expect(AssemblyFixture.difference(cutFrame, ownFrame) < 4)
        #expect(AssemblyFixture.difference(fadeFrame, ownFrame) > 8)
        #expect(AssemblyFixture.difference(fadeFrame, cutFrame) > 8)
        // After the fade, both show the second clip.
        #expect(AssemblyFixture.difference(try fixture.grey(fade.output, at: 4), try fixture.grey(second, at: 2)) < 4)
    }

    @Test("without music the clips' own sound is kept and cross-faded; a 9:16 preset pads the picture")
    func clipAudioAndPortrait() async throws {
        let fixture = try AssemblyFixture()
        defer { fixture.remove() }
        let loud = try fixture.clip("tone.mp4", seconds: 2, tone: 440)
        let silent = try fixture.clip("mute.mp4", seconds: 2)
        let report = try await fixture.render(
            AssemblyEdit(clips: [loud.path, silent.path], transition: 0.5, preset: "720p-9:16", fps: 12, clipAudio: true))
        #expect(report.width == 720 && report.height == 1280 && report.fps == 12 && report.frames == 42)
        #expect(report.streams == ["h264", "aac"], "no text, so no subtitle track")
        let loudness = try AssemblyFixture.loudness(report.output)
        #expect(loudness > -40, "the tone is heard: \(loudness) LUFS")
        // The 4:3 picture sits in the middle of the tall frame, black above it.
        let top = try fixture.grey(report.output, at: 0.5).prefix(64 * 4)
        #expect(top.allSatisfy { $0 < 24 })
    }

    @Test("a title card and captions point the Director's timeline: captions past the end are refused with their field")
    func captionsPastTheEnd() async throws {
        let fixture = try AssemblyFixture()
        defer { fixture.remove() }
        let clip = try fixture.clip("c.mp4", seconds: 2)
        let edit = AssemblyEdit(
            clips: [clip.path], transition: 0, captions: [.init(start: 0, end: 1, text: "ok"), .init(start: 1, end: 9, text: "too long")])
        await #expect(
            throws: AssemblyError.invalid(field: "captions[1].end", reason: "is past the end of the video (9.000 s; the edit plans 2.000 s)")
        ) {
            try await fixture.render(edit)
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.settings.creativeOutputDirectory.appendingPathComponent("out").path))
    }
}
