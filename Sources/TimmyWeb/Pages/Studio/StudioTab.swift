import TimmyCore

/// The Creative Studio's tabs, each at its own address (`/creative/ui/images`, …), so deep links work.
enum StudioTab: String, CaseIterable, Sendable {
    case images, music, video, director

    var label: String {
        switch self {
        case .images: "Images"
        case .music: "Music"
        case .video: "Video"
        case .director: "Director"
        }
    }

    var href: String { "/creative/ui/\(rawValue)" }

    /// The kind of asset the tab shows.
    var kind: AssetKind? {
        switch self {
        case .images: .image
        case .music: .audio
        case .video: .video
        case .director: nil
        }
    }

    /// The tools whose forms the tab holds and whose jobs it follows: the form's fields come from
    /// each tool's own declaration. A variation or an animation, posted from any image, is one of these.
    var tools: [StudioTool] {
        switch self {
        case .images:
            [
                StudioTool(
                    name: "generate_image", heading: "Draw an image", button: "Draw",
                    fields: ["prompt", "negative_prompt", "width", "height", "steps", "seed", "backend"]),
                StudioTool(
                    name: "image_variations", heading: "Variations of an image", button: "Make variations",
                    fields: ["image", "count", "strength", "seed", "backend"]),
            ]
        case .music:
            [
                StudioTool(
                    name: "generate_song", heading: "Write a song", button: "Make the song",
                    fields: ["lyrics", "title", "genre", "language", "tempo", "duration", "seed", "backend"])
            ]
        case .video:
            [
                StudioTool(
                    name: "generate_video_clip", heading: "Film a clip from words", button: "Make the clip",
                    fields: ["prompt", "style", "resolution", "duration", "fps", "seed", "backend"]),
                StudioTool(
                    name: "image_to_video", heading: "Animate an image", button: "Animate",
                    fields: ["image", "prompt", "resolution", "duration", "fps", "seed", "backend"]),
            ]
        case .director: []
        }
    }

    /// The tab that holds `tool`'s form.
    static func holding(_ tool: String) -> StudioTab? { allCases.first { $0.tools.contains { $0.name == tool } } }
}

/// One tool's form on a tab: which of its declared arguments it shows, in order.
struct StudioTool: Sendable {
    let name: String
    let heading: String
    let button: String
    let fields: [String]

    /// Arguments edited in a text area rather than on one line.
    static let multiline: Set<String> = ["prompt", "negative_prompt", "lyrics"]
}
