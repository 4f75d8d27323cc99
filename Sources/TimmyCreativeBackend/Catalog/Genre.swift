/// A musical genre the music tools accept: its tempo range, the tempo used when none is given,
/// and a line on its character.
public struct Genre: Sendable, Codable, Equatable {
    public let name: String
    public let tempoRange: ClosedRange<Int>
    public let defaultTempo: Int
    public let character: String

    init(_ name: String, _ tempoRange: ClosedRange<Int>, _ defaultTempo: Int, _ character: String) {
        self.name = name
        self.tempoRange = tempoRange
        self.defaultTempo = defaultTempo
        self.character = character
    }

    /// The nineteen genres, in the order `list_genres` prints them.
    public static let all: [Genre] = [
        Genre("pop", 100...130, 116, "bright hooks over a steady backbeat, verse-chorus form"),
        Genre("rock", 110...150, 126, "driving guitars, backbeat drums, power chords"),
        Genre("hip-hop", 80...100, 90, "boom-bap drums, deep bass, rhythmic vocals"),
        Genre("r&b", 65...95, 80, "smooth seventh chords over a laid-back groove"),
        Genre("jazz", 90...180, 132, "swung ride, walking bass, extended chords"),
        Genre("blues", 60...120, 88, "twelve-bar shuffle on dominant sevenths"),
        Genre("country", 90...130, 108, "train-beat drums, twangy guitar, plain major chords"),
        Genre("electronic", 118...135, 124, "four-on-the-floor kick, synth bass, arpeggios"),
        Genre("classical", 60...120, 84, "strings and piano, no drums, clear cadences"),
        Genre("folk", 80...120, 100, "strummed acoustic guitar over a gentle pulse"),
        Genre("reggae", 70...90, 76, "off-beat skank chords on a one-drop beat"),
        Genre("metal", 130...180, 150, "distorted minor riffs over double-kick drums"),
        Genre("punk", 160...200, 176, "fast and loud: three chords in straight eighths"),
        Genre("soul", 70...110, 92, "warm organ, horn stabs, gospel changes"),
        Genre("funk", 95...120, 106, "syncopated sixteenths, slap bass, tight stabs"),
        Genre("latin", 90...130, 104, "clave-driven percussion and a montuno piano"),
        Genre("ambient", 60...90, 70, "slow pads and drones, no beat"),
        Genre("lo-fi", 70...90, 78, "dusty swung drums under a mellow electric piano"),
        Genre("cinematic", 60...110, 84, "strings, brass swells and timpani builds"),
    ]

    public static let names: [String] = all.map(\.name)

    private static let byName: [String: Genre] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func named(_ name: String) -> Genre? { byName[name] }
}
