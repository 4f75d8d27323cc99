import TimmyAPI
import TimmyCore

/// `/gallery`: the images, music and video made, newest first, filtered by kind.
struct GalleryPage {
    /// The most assets one page shows.
    static let limit = 60

    let filters: [ListFilter]
    let filterLabel = "Filter by kind"
    let assets: [AssetCard]
    let hasAssets: Bool
    /// What the page says when there is nothing to show.
    let emptyText: String
    /// The page shows only the newest `limit`.
    let capped: Bool
    let limit = Self.limit

    /// The newest event when the page was read: the live stream resumes after it, so no new asset is missed.
    let newestEvent: String

    init(_ service: any TimmyService, kind: AssetKind?) async throws {
        newestEvent = try await LiveResume.point(service)
        assets = try await service.assets(kind: kind, limit: Self.limit).assets.map { AssetCard($0) }
        hasAssets = !assets.isEmpty
        capped = assets.count == Self.limit
        filters = ListFilter.choices(AssetKind.allCases.map(\.rawValue), selected: kind?.rawValue, path: "/gallery", parameter: "kind")
        emptyText =
            switch kind {
            case nil: "Nothing made yet."
            case .image: "No images yet."
            case .audio: "No audio yet."
            case .video: "No video yet."
            }
    }
}
