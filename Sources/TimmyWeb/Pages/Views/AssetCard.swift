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

    init(_ asset: AssetView) {
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
    }
}
