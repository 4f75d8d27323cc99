import Foundation
import TimmyCore

/// What the sketch backend understands of a prompt: the moment (time of day, weather, mood,
/// framing) and the world (landforms and sky features), each read from whole words.
struct SceneReading: Sendable, Equatable {
    enum TimeOfDay: String, Sendable { case dawn, day, sunset, night }
    enum Weather: String, Sendable { case clear, cloudy, rain, storm, snow, fog }
    enum Mood: String, Sendable { case neutral, calm, dramatic, cheerful, melancholy, mysterious, warm }
    enum Framing: String, Sendable { case wide, medium, close, aerial, low }
    enum Landform: String, Sendable, CaseIterable { case mountains, hills, desert, sea, skyline, village, forest }
    /// Things in the sky, or on the water (boats).
    enum SkyFeature: String, Sendable, CaseIterable { case sun, moon, stars, clouds, birds, boats }

    var time: TimeOfDay = .day
    var weather: Weather = .clear
    var mood: Mood = .neutral
    var framing: Framing = .medium
    var landforms: Set<Landform> = []
    var sky: Set<SkyFeature> = []
    /// Words the reading used, for the sidecar: what the sketch drew and why.
    var understood: [String] = []

    /// Reads the moment (time, weather, mood, framing) from `moment` and the world (landforms and
    /// sky features) from it and from `earlier`, the scenes before it in a storyboard, so every frame
    /// shows the same place; a frame that names no time keeps the time of the last one that did.
    /// Landforms and sky features named in `excluding` (a negative prompt) are left out.
    init(moment: String, earlier: [String] = [], later: [String] = [], excluding: String? = nil) {
        let momentWords = WordMatcher(moment)
        let worldWords = WordMatcher((earlier + [moment] + later).joined(separator: " "))
        let earlierTime = earlier.reversed().lazy.compactMap { Self.first(Self.times, in: WordMatcher($0)) }.first
        time = Self.first(Self.times, in: momentWords) ?? earlierTime ?? .day
        weather = Self.first(Self.weathers, in: momentWords) ?? .clear
        mood = Self.first(Self.moods, in: momentWords) ?? .neutral
        framing = Self.first(Self.framings, in: momentWords) ?? .medium
        landforms = Set(Self.landformWords.filter { worldWords.contains(phrase: $0.phrase) || momentWords.contains(phrase: $0.phrase) }.map(\.value))
        if landforms.isEmpty { landforms = [.hills, .forest] }
        sky = Set(Self.skyWords.filter { momentWords.contains(phrase: $0.phrase) || worldWords.contains(phrase: $0.phrase) }.map(\.value))
        switch time {
        case .night:
            sky.remove(.sun)
            if weather == .clear || weather == .fog { sky.formUnion([.moon, .stars]) }
        case .dawn, .sunset:
            if weather == .clear || weather == .cloudy { sky.insert(.sun) }
        case .day:
            sky.remove(.stars)
            if weather == .clear { sky.insert(.sun) }
        }
        sky.insert(.clouds)  // a couple in fair weather, a sky full in foul
        if let excluding {
            let unwanted = WordMatcher(excluding)
            landforms.subtract(Self.landformWords.filter { unwanted.contains(phrase: $0.phrase) }.map(\.value))
            sky.subtract(Self.skyWords.filter { unwanted.contains(phrase: $0.phrase) }.map(\.value))
        }
        let vocabulary =
            Self.times.map(\.phrase) + Self.weathers.map(\.phrase) + Self.moods.map(\.phrase) + Self.framings.map(\.phrase)
            + Self.landformWords.map(\.phrase) + Self.skyWords.map(\.phrase)
        understood = Array(Set((momentWords.matches(vocabulary) + worldWords.matches(vocabulary)))).sorted()
    }

    private static func first<T>(_ table: [(phrase: String, value: T)], in words: WordMatcher) -> T? {
        table.first { words.contains(phrase: $0.phrase) }?.value
    }

    private static func table<T>(_ entries: [(String, T)]) -> [(phrase: String, value: T)] {
        entries.flatMap { words, value in words.split(separator: ",").map { (phrase: $0.trimmingCharacters(in: .whitespaces), value: value) } }
    }

    static let times: [(phrase: String, value: TimeOfDay)] = table([
        ("sunset, dusk, evening, twilight, golden hour, sundown", .sunset),
        ("dawn, sunrise, daybreak, first light, morning", .dawn),
        ("night, midnight, nighttime, moonlight, moonlit, starry, stars, moon", .night),
        ("noon, midday, day, daytime, afternoon, sunny", .day),
    ])
    static let weathers: [(phrase: String, value: Weather)] = table([
        ("storm, stormy, thunder, thunderstorm, lightning", .storm),
        ("rain, rainy, raining, drizzle, shower, showers, downpour", .rain),
        ("snow, snowy, snowing, winter, blizzard, frost, frozen", .snow),
        ("fog, foggy, mist, misty, haze, hazy", .fog),
        ("cloud, clouds, cloudy, overcast, grey, gray", .cloudy),
    ])
    static let moods: [(phrase: String, value: Mood)] = table([
        ("dramatic, epic, ominous, menacing, intense, dark", .dramatic),
        ("sad, melancholy, melancholic, lonely, gloomy, somber", .melancholy),
        ("mysterious, eerie, dreamy, magical, surreal", .mysterious),
        ("happy, cheerful, joyful, playful, bright, vibrant", .cheerful),
        ("warm, cozy, cosy, golden", .warm),
        ("calm, peaceful, serene, quiet, tranquil, gentle", .calm),
    ])
    static let framings: [(phrase: String, value: Framing)] = table([
        ("aerial, overhead, birds eye, bird s eye, from above", .aerial),
        ("close, closer, close up, closeup, detail, zoom", .close),
        ("low angle, from below, looking up", .low),
        ("wide, establishing, panorama, panoramic, vista", .wide),
    ])
    static let landformWords: [(phrase: String, value: Landform)] = table([
        ("mountain, mountains, peak, peaks, alps, summit, ridge, cliffs, volcano", .mountains),
        ("hill, hills, valley, meadow, countryside, field, fields, farm, prairie, garden", .hills),
        ("desert, dune, dunes, sand, canyon", .desert),
        ("sea, ocean, beach, coast, shore, lake, bay, harbor, harbour, water, river, waves, island, sailing", .sea),
        ("city, skyline, buildings, downtown, street, streets, urban, skyscrapers, rooftops", .skyline),
        ("village, town, houses, cottage, cottages, hamlet, farmhouse, cabin", .village),
        ("forest, trees, tree, woods, pine, pines, jungle, grove, woodland", .forest),
    ])
    static let skyWords: [(phrase: String, value: SkyFeature)] = table([
        ("sun, sunny, sunrise, sunset, sunlight", .sun),
        ("moon, moonlight, moonlit", .moon),
        ("stars, starry, galaxy, milky way", .stars),
        ("cloud, clouds, cloudy", .clouds),
        ("bird, birds, seagull, seagulls, flock, gulls", .birds),
        ("boat, boats, ship, ships, sailboat, sailboats, yacht, ferry, harbour, harbor, sailing, fishermen", .boats),
    ])
}
