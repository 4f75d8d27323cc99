import TimmyAPI
import TimmyCore

/// An asset as one card of the gallery: the media to look at or play, and how it was made.
struct AssetCard {
    let id: String
    /// Where the server serves the file; nil for a file outside the media folders.
    let url: String?
    let kind: String
    let image: Bool
    let audio: Bool
    let video: Bool
    /// The prompt (or lyrics), clipped for the card.
    let prompt: String
    /// The prompt as an image's text alternative: longer than the caption, still bounded.
    let alt: String
    let tool: String
    let backend: String
    /// The model id, when it says more than the backend's name.
    let model: String?
    /// Made by the sketch backend: a procedural draft without a model, always labelled so.
    let sketch: Bool
    let width: Int?
    let height: Int?
    /// "1024×768", for images and video.
    let size: String?
    /// "0:05", for audio and video.
    let duration: String?
    let time: String
    let timestamp: String
    let jobHref: String?
    let taskHref: String?
    let taskShort: String
    /// A small picture of an image or a video, made on the server: lists show it, not the full file.
    let thumbnail: String?
    let seed: String?
    /// A song's words in full, shown beside its player.
    let lyrics: String?
    /// The image a clip was animated from, or a variation drawn from.
    let source: Source?

    struct Source {
        let thumbnail: String?
        let href: String?
        let alt: String
    }

    /// - Parameter source: the asset this one was made from, when it is known.
    init(_ asset: AssetView, source: AssetView? = nil) {
        id = asset.id
        url = asset.url
        kind = asset.kind.rawValue
        image = asset.kind == .image
        audio = asset.kind == .audio
        video = asset.kind == .video
        prompt = Format.clip(asset.prompt, 160)
        alt = Format.clip(asset.prompt, 300)
        tool = asset.tool
        backend = asset.backend
        model = asset.model == asset.backend ? nil : asset.model
        sketch = asset.backend == "sketch"
        width = asset.width
        height = asset.height
        size = asset.width.flatMap { width in asset.height.map { Format.size(width: width, height: $0) } }
        duration = asset.duration.map(Format.duration)
        time = Format.dateTime(asset.createdAt)
        timestamp = Format.iso(asset.createdAt)
        jobHref = asset.jobId.map { Format.jobRow($0) }
        taskHref = asset.taskId.map(Format.taskPath)
        taskShort = asset.taskId.map(Format.shortID) ?? ""
        thumbnail = asset.kind == .audio ? nil : asset.url.flatMap { Previews.url(.thumbnail, of: $0) }
        seed = asset.seed.map(String.init)
        lyrics = asset.kind == .audio && asset.tool == "generate_song" ? asset.prompt : nil
        self.source = source.map {
            Source(thumbnail: $0.url.flatMap { Previews.url(.thumbnail, of: $0) }, href: $0.url, alt: Format.clip($0.prompt, 300))
        }
    }
}
