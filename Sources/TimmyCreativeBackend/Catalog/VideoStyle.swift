/// A look and camera behaviour for video clips.
public struct VideoStyle: Sendable, Codable, Equatable {
    public let name: String
    public let character: String

    init(_ name: String, _ character: String) {
        self.name = name
        self.character = character
    }

    /// The eight styles, in the order `list_video_styles` prints them.
    public static let all: [VideoStyle] = [
        VideoStyle("cinematic", "slow push-in with parallax, warm drifting light, letterboxed"),
        VideoStyle("anime", "saturated colours and a brisk sideways pan across the layers"),
        VideoStyle("documentary", "muted colours and a steady, unhurried pan"),
        VideoStyle("abstract", "hues swinging and layers swaying against each other"),
        VideoStyle("timelapse", "clouds racing, the sun or moon arcing, light changing fast"),
        VideoStyle("slow-motion", "a barely moving camera with motes drifting through the light"),
        VideoStyle("music-video", "zoom pulses on the beat, each beat a little warmer or cooler"),
        VideoStyle("vlog", "a handheld wobble with a gentle zoom"),
    ]

    public static let names: [String] = all.map(\.name)
}

/// A clip size by name.
public struct VideoResolution: Sendable, Codable, Equatable {
    public let name: String
    public let width: Int
    public let height: Int

    /// 480p and 720p, both 16:9.
    public static let all: [VideoResolution] = [
        VideoResolution(name: "480p", width: 854, height: 480), VideoResolution(name: "720p", width: 1280, height: 720),
    ]

    public static let names: [String] = all.map(\.name)

    public static func named(_ name: String) -> VideoResolution? { all.first { $0.name == name } }
}
