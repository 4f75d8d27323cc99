/// Rough syllable counts, enough to give each sung word its notes: vowel groups in alphabetic
/// scripts, one per character in scripts written in syllables or ideographs.
enum Syllables {
    static func words(_ line: String) -> [String] {
        line.split(whereSeparator: { $0.isWhitespace }).map(String.init).filter { $0.contains(where: \.isLetter) }
    }

    static func count(_ word: String) -> Int {
        var count = 0
        var inVowel = false
        for scalar in word.lowercased().unicodeScalars {
            if isSyllabic(scalar) {
                count += 1
                inVowel = false
            } else if vowels.contains(scalar)
                || (scalar.value >= 0xc0 && scalar.value < 0x250 && scalar.properties.isAlphabetic && isLatinVowel(scalar))
            {
                if !inVowel { count += 1 }
                inVowel = true
            } else {
                inVowel = false
            }
        }
        if count > 1, word.lowercased().hasSuffix("e"), !word.lowercased().hasSuffix("le") { count -= 1 }
        return max(1, count)
    }

    private static let vowels = Set("aeiouyаеёиоуыэюяαεηιουω".unicodeScalars)

    private static func isLatinVowel(_ scalar: Unicode.Scalar) -> Bool {
        "àáâãäåèéêëìíîïòóôõöøùúûüýÿæœ".unicodeScalars.contains(scalar)
    }

    /// Kana, Hangul syllables and CJK ideographs are each one syllable.
    private static func isSyllabic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30ff, 0xac00...0xd7af, 0x4e00...0x9fff: true
        default: false
        }
    }
}
