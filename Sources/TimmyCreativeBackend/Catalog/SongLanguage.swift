/// A language songs and vocals can be sung in, with the espeak-ng voice the sketch backend uses.
public struct SongLanguage: Sendable, Codable, Equatable {
    /// ISO 639-1 code, as the tools take it.
    public let code: String
    public let name: String
    /// The espeak-ng voice that speaks it.
    public let voice: String

    init(_ code: String, _ name: String, _ voice: String) {
        self.code = code
        self.name = name
        self.voice = voice
    }

    /// The nineteen languages, each checked against `espeak-ng --voices`.
    public static let all: [SongLanguage] = [
        SongLanguage("en", "English", "en-us"), SongLanguage("es", "Spanish", "es"), SongLanguage("fr", "French", "fr-fr"),
        SongLanguage("de", "German", "de"), SongLanguage("it", "Italian", "it"), SongLanguage("pt", "Portuguese", "pt-br"),
        SongLanguage("ru", "Russian", "ru"), SongLanguage("zh", "Chinese (Mandarin)", "cmn"), SongLanguage("ja", "Japanese", "ja"),
        SongLanguage("ko", "Korean", "ko"), SongLanguage("nl", "Dutch", "nl"), SongLanguage("pl", "Polish", "pl"),
        SongLanguage("tr", "Turkish", "tr"), SongLanguage("sv", "Swedish", "sv"), SongLanguage("hi", "Hindi", "hi"),
        SongLanguage("ar", "Arabic", "ar"), SongLanguage("cs", "Czech", "cs"), SongLanguage("hu", "Hungarian", "hu"),
        SongLanguage("vi", "Vietnamese", "vi"),
    ]

    public static let codes: [String] = all.map(\.code)

    public static func code(_ code: String) -> SongLanguage? { all.first { $0.code == code } }
}
