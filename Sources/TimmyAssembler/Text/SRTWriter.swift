import Foundation

/// SubRip text: numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, the words as they are.
enum SRTWriter {
    static func text(_ cues: [TimedText]) -> String {
        cues.enumerated().map { index, cue in "\(index + 1)\n\(time(cue.start)) --> \(time(cue.end))\n\(cue.text)\n" }.joined(separator: "\n")
    }

    /// `01:02:03,456` for 3723.456 seconds.
    static func time(_ seconds: Double) -> String {
        let clock = ClockTime(seconds, perSecond: 1000)
        return [clock.hours, clock.minutes, clock.seconds].map { ClockTime.padded($0, 2) }.joined(separator: ":") + ","
            + ClockTime.padded(clock.fraction, 3)
    }
}
