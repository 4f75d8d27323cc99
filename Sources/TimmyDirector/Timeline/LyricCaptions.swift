import TimmyLLM

/// A lyric line shown from `start` to `end`, in seconds of the final timeline (the music starts at 0).
public struct LyricCaption: Sendable, Equatable {
    public let start: Double
    public let end: Double
    public let text: String

    public init(start: Double, end: Double, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// When the lyrics are shown: where the song sings each line when it says (the sketch reports
/// every sung phrase with its start and length), else at the script's times; each line stays up
/// a breath (1.5 s) after it is sung out, or until the next begins, and none runs into the credits.
enum LyricCaptions {
    /// A sung phrase as the song reports it.
    struct Phrase: Sendable, Equatable {
        let text: String
        let start: Double
        let length: Double
    }

    static func captions(phrases: [Phrase]?, script: [DirectorScript.Line], creditsStart: Double) -> [LyricCaption] {
        let timed: [Phrase] =
            phrases
            ?? script.enumerated().map { index, line in
                let next = index + 1 < script.count ? script[index + 1].time : line.time + 4
                return Phrase(text: line.text, start: line.time, length: min(4, next - line.time))
            }
        let ordered = timed.filter { !$0.text.isEmpty && $0.start < creditsStart - 0.5 }.sorted { $0.start < $1.start }
        return ordered.enumerated().map { index, phrase in
            let next = index + 1 < ordered.count ? ordered[index + 1].start : creditsStart
            let end = min(next, phrase.start + max(phrase.length, 1) + 1.5, creditsStart)
            return LyricCaption(start: (phrase.start * 1000).rounded() / 1000, end: (end * 1000).rounded() / 1000, text: phrase.text)
        }
    }
}
