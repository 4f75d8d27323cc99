/// Splits text into lowercase words and matches whole words or whole phrases, never substrings:
/// "ci" matches "run ci now" but not "precise".
public struct WordMatcher: Sendable {
    /// The words of the text, lowercased, in order.
    public let words: [String]
    private let wordSet: Set<String>

    public init(_ text: String) {
        words = WordMatcher.tokenize(text)
        wordSet = Set(words)
    }

    /// Lowercase runs of letters and digits.
    public static func tokenize(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// True when the phrase's words appear in the text as consecutive whole words.
    public func contains(phrase: String) -> Bool {
        if phrase.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) }) { return wordSet.contains(phrase) }
        let phraseWords = WordMatcher.tokenize(phrase)
        guard let first = phraseWords.first, wordSet.contains(first) else { return false }
        if phraseWords.count == 1 { return true }
        guard words.count >= phraseWords.count else { return false }
        for start in 0...(words.count - phraseWords.count) where words[start] == first {
            if Array(words[start..<(start + phraseWords.count)]) == phraseWords { return true }
        }
        return false
    }

    /// The phrases of `candidates` found in the text, in the candidates' order.
    public func matches(_ candidates: [String]) -> [String] {
        candidates.filter { contains(phrase: $0) }
    }
}
