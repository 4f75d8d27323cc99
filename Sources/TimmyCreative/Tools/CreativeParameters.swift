import TimmyCore

/// Parameters several creative tools share, described once.
enum CreativeParameters {
    static let seed = ToolParameter("seed", .integer, "0-4294967295; drawn at random when absent, and always recorded")
    static let backend = ToolParameter(
        "backend", .string, "auto, worker or sketch (default: the creative_backend setting)", allowed: BackendChoice.names)
    static func steps() -> ToolParameter { ToolParameter("steps", .integer, "diffusion steps 1-100 (default: the image_default_steps setting)") }
    static func width(_ value: Int) -> ToolParameter {
        ToolParameter("width", .integer, "pixels, a multiple of 16 in 256-2048", default: .int(value))
    }
    static func height(_ value: Int) -> ToolParameter {
        ToolParameter("height", .integer, "pixels, a multiple of 16 in 256-2048", default: .int(value))
    }
    static let image = ToolParameter(
        "image", .string, "an image asset id, or the path of an image inside the data folders", required: true)
    static func duration(_ value: Double, _ range: ClosedRange<Double>) -> ToolParameter {
        ToolParameter("duration", .number, "seconds, \(Int(range.lowerBound))-\(Int(range.upperBound))", default: .double(value))
    }
    static let language = ToolParameter("language", .string, "the language sung in", default: "en", allowed: SongLanguage.codes)
    static let tempo = ToolParameter("tempo", .integer, "beats per minute, 40-240 (default: the genre's)")
    static let resolution = ToolParameter(
        "resolution", .string, "480p (854×480) or 720p (1280×720) (default: the video_default_resolution setting)", allowed: VideoResolution.names)
    static let fps = ToolParameter("fps", .integer, "frames per second, 8-60", default: 24)

    /// The personas of each toolkit.
    static let pixel: Set<String> = ["pixel"]
    static let lyra: Set<String> = ["lyra"]
    static let reel: Set<String> = ["reel"]
}
