import Foundation
import GRDB
import TimmyCore

/// A media file a tool produced, with everything its sidecar says about how.
public struct AssetRecord: Sendable, Codable, Equatable, Identifiable, FetchableRecord, PersistableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseTableName = "assets"

    public var id: String
    public var kind: AssetKind
    public var path: String
    public var sidecarPath: String
    public var tool: String
    public var backend: String
    public var model: String
    public var prompt: String
    public var params: [String: JSONValue]
    public var seed: Int?
    public var width: Int?
    public var height: Int?
    public var duration: Double?
    public var sourceAssetId: String?
    public var jobId: String?
    public var taskId: String?
    public var toolCallId: Int64?
    public var createdAt: Date
    /// Where the server serves the file (`/media/...`); filled in when listed, not stored.
    public var url: String?

    public enum Columns {
        public static let kind = Column("kind")
        public static let jobId = Column("job_id")
        public static let createdAt = Column("created_at")
    }

    public init(_ asset: ProducedAsset, jobId: String?, taskId: String?, toolCallId: Int64?, createdAt: Date) {
        id = asset.id
        kind = asset.kind
        path = asset.path
        sidecarPath = asset.sidecarPath
        tool = asset.tool
        backend = asset.backend
        model = asset.model
        prompt = asset.prompt
        params = asset.parameters
        seed = asset.seed
        width = asset.width
        height = asset.height
        duration = asset.duration
        sourceAssetId = asset.sourceAssetID
        self.jobId = jobId
        self.taskId = taskId
        self.toolCallId = toolCallId
        self.createdAt = createdAt
    }

    // Written out rather than derived from `Codable` because `url` is no column: the server fills it
    // in when it lists assets, and the JSON API carries it.
    public func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["kind"] = kind.rawValue
        container["path"] = path
        container["sidecar_path"] = sidecarPath
        container["tool"] = tool
        container["backend"] = backend
        container["model"] = model
        container["prompt"] = prompt
        container["params"] = params.jsonText
        container["seed"] = seed
        container["width"] = width
        container["height"] = height
        container["duration"] = duration
        container["source_asset_id"] = sourceAssetId
        container["job_id"] = jobId
        container["task_id"] = taskId
        container["tool_call_id"] = toolCallId
        container["created_at"] = createdAt
    }
}
