import TimmyCore
import TimmyCreativeBackend

/// A kind of worker job and the setting that names its model.
public enum WorkerFamily: String, Sendable, CaseIterable {
    case image
    case music
    case video
    case imageToVideo = "image_to_video"

    /// The setting naming this family's model: a hub id or a local folder.
    public var modelSetting: Setting<String> {
        switch self {
        case .image: .fluxModelID
        case .music: .aceStepModel
        case .video: .wanModelID
        case .imageToVideo: .wanI2VModelID
        }
    }

    /// What a person calls the model family.
    public var label: String {
        switch self {
        case .image: "FLUX.2 Klein"
        case .music: "ACE-Step 1.5"
        case .video: "Wan 2.1 text-to-video"
        case .imageToVideo: "Wan 2.1 image-to-video"
        }
    }
}

/// A creative request that knows which worker family makes it.
public protocol WorkerFamilyRequest {
    var workerFamily: WorkerFamily { get }
}

extension ImageRequest: WorkerFamilyRequest {
    public var workerFamily: WorkerFamily { .image }
}

extension VariationRequest: WorkerFamilyRequest {
    public var workerFamily: WorkerFamily { .image }
}

extension MusicRequest: WorkerFamilyRequest {
    public var workerFamily: WorkerFamily { .music }
}

extension VideoRequest: WorkerFamilyRequest {
    public var workerFamily: WorkerFamily { source == nil ? .video : .imageToVideo }
}
