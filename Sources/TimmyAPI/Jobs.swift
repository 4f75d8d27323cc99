import Foundation
import TimmyCore

/// A queued tool call: what to run, on which backend, and how far it got.
public struct JobView: Sendable, Codable, Equatable, Identifiable {
    public let id: String
    public let tool: String
    public let persona: String
    public let arguments: [String: JSONValue]
    /// The backend that runs it, which is also its concurrency lane.
    public let backend: String
    public let status: JobStatus
    public let progress: Double
    public let message: String
    /// The tool's result (`summary`, `text`, `data`) once done.
    public let result: JSONValue?
    public let error: String?
    /// How many times it has been started.
    public let attempts: Int
    public let taskId: String?
    public let createdAt: Date
    public let startedAt: Date?
    public let finishedAt: Date?
    public let updatedAt: Date

    public init(
        id: String, tool: String, persona: String, arguments: [String: JSONValue], backend: String, status: JobStatus, progress: Double,
        message: String, result: JSONValue?, error: String?, attempts: Int, taskId: String?, createdAt: Date, startedAt: Date?,
        finishedAt: Date?, updatedAt: Date
    ) {
        self.id = id
        self.tool = tool
        self.persona = persona
        self.arguments = arguments
        self.backend = backend
        self.status = status
        self.progress = progress
        self.message = message
        self.result = result
        self.error = error
        self.attempts = attempts
        self.taskId = taskId
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.updatedAt = updatedAt
    }
}

/// A media file a tool produced, with everything its sidecar says about how.
public struct AssetView: Sendable, Codable, Equatable, Identifiable {
    public let id: String
    public let kind: AssetKind
    public let path: String
    public let sidecarPath: String
    public let tool: String
    public let backend: String
    public let model: String
    public let prompt: String
    public let params: [String: JSONValue]
    public let seed: Int?
    public let width: Int?
    public let height: Int?
    public let duration: Double?
    public let sourceAssetId: String?
    public let jobId: String?
    public let taskId: String?
    public let toolCallId: Int64?
    public let createdAt: Date
    /// Where the server serves the file (`/media/...`).
    public let url: String?

    public init(
        id: String, kind: AssetKind, path: String, sidecarPath: String, tool: String, backend: String, model: String, prompt: String,
        params: [String: JSONValue], seed: Int?, width: Int?, height: Int?, duration: Double?, sourceAssetId: String?, jobId: String?,
        taskId: String?, toolCallId: Int64?, createdAt: Date, url: String?
    ) {
        self.id = id
        self.kind = kind
        self.path = path
        self.sidecarPath = sidecarPath
        self.tool = tool
        self.backend = backend
        self.model = model
        self.prompt = prompt
        self.params = params
        self.seed = seed
        self.width = width
        self.height = height
        self.duration = duration
        self.sourceAssetId = sourceAssetId
        self.jobId = jobId
        self.taskId = taskId
        self.toolCallId = toolCallId
        self.createdAt = createdAt
        self.url = url
    }
}

/// A job with the assets it produced.
public struct JobDetail: Sendable, Codable, Equatable {
    public let job: JobView
    public let assets: [AssetView]

    public init(job: JobView, assets: [AssetView]) {
        self.job = job
        self.assets = assets
    }
}

/// The newest jobs, with the count in each status.
public struct JobList: Sendable, Codable, Equatable {
    public let jobs: [JobView]
    public let counts: [String: Int]
    public let limit: Int

    public init(jobs: [JobView], counts: [String: Int], limit: Int) {
        self.jobs = jobs
        self.counts = counts
        self.limit = limit
    }
}

/// The newest assets.
public struct AssetList: Sendable, Codable, Equatable {
    public let assets: [AssetView]
    public let limit: Int

    public init(assets: [AssetView], limit: Int) {
        self.assets = assets
        self.limit = limit
    }
}
