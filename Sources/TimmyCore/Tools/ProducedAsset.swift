/// The kinds of media file a tool produces.
public enum AssetKind: String, Sendable, Codable, CaseIterable {
    case image, audio, video
}

/// A file a tool call produced, with what made it: recorded as an asset row beside the call.
public struct ProducedAsset: Sendable, Codable, Equatable {
    /// The file's uuid, also its name without extension.
    public let id: String
    public let kind: AssetKind
    /// Absolute path of the media file.
    public let path: String
    /// Absolute path of its JSON sidecar.
    public let sidecarPath: String
    public let tool: String
    /// The backend that ran (`sketch`, `worker`), never `auto`.
    public let backend: String
    public let model: String
    /// The prompt, or the lyrics for songs and vocals.
    public let prompt: String
    /// Every parameter the call ran with.
    public let parameters: [String: JSONValue]
    public let seed: Int?
    public let width: Int?
    public let height: Int?
    /// Seconds, for audio and video.
    public let duration: Double?
    /// The asset this one was made from (variations, image-to-video).
    public let sourceAssetID: String?

    public init(
        id: String, kind: AssetKind, path: String, sidecarPath: String, tool: String, backend: String, model: String, prompt: String,
        parameters: [String: JSONValue], seed: Int?, width: Int? = nil, height: Int? = nil, duration: Double? = nil,
        sourceAssetID: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.path = path
        self.sidecarPath = sidecarPath
        self.tool = tool
        self.backend = backend
        self.model = model
        self.prompt = prompt
        self.parameters = parameters
        self.seed = seed
        self.width = width
        self.height = height
        self.duration = duration
        self.sourceAssetID = sourceAssetID
    }
}
