import TimmyCore
import TimmyStore

/// A job with the assets it produced.
public struct JobDetail: Sendable, Codable, Equatable {
    public let job: JobRecord
    public let assets: [AssetRecord]

    public init(job: JobRecord, assets: [AssetRecord]) {
        self.job = job
        self.assets = assets
    }
}

/// The newest jobs, with the count in each status.
public struct JobList: Sendable, Codable, Equatable {
    public let jobs: [JobRecord]
    public let counts: [String: Int]
    public let limit: Int
}

/// The newest assets.
public struct AssetList: Sendable, Codable, Equatable {
    public let assets: [AssetRecord]
    public let limit: Int
}
