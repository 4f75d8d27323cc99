import Foundation

/// SubRip text: numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, the words as they are.
enum SRTWriter {
    static func text(_ cues: [TimedText]) -> String {
        cues.enumerated().map { index, cue in "\(index + 1)\n\(time(cue.start)) --> \(time(cue.end))\n\(cue.text)\n" }.joined(separator: "\n")
    }

    /// `01:02:03,456` for 3723.456 seconds.
    static func time(_ seconds: Double) -> String {
        let milliseconds = Int((max(0, seconds) * 1000).rounded())
        let (hours, rest) = milliseconds.quotientAndRemainder(dividingBy: 3_600_000)
        let (minutes, rest2) = rest.quotientAndRemainder(dividingBy: 60_000)
        let (secs, millis) = rest2.quotientAndRemainder(dividingBy: 1000)
        return "\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(secs, 2)),\(pad(millis, 3))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
