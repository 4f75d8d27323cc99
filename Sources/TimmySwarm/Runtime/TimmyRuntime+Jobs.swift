import TimmyAPI
import TimmyCore
import TimmyCreative
import TimmyStore

extension TimmyRuntime {
    public func jobs(status: JobStatus?, limit: Int) async throws -> JobList {
        guard (1...500).contains(limit) else { throw ServiceError.invalid(field: "limit", message: "limit must be between 1 and 500, got \(limit)") }
        let counts = try await store.jobCounts()
        return JobList(
            jobs: try await store.jobs(status: status, limit: limit).map(JobView.init),
            counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }),
            limit: limit)
    }

    public func job(_ id: String) async throws -> JobDetail {
        guard let job = try await store.job(id) else { throw ServiceError.notFound(JobStoreError.notFound(id).description) }
        return JobDetail(job: JobView(job), assets: try await store.assets(job: id).map(view))
    }

    public func cancelJob(_ id: String) async throws -> JobDetail {
        _ = try await serviceErrors { try await jobs.cancel(id) }
        return try await job(id)
    }

    public func retryJob(_ id: String) async throws -> JobDetail {
        _ = try await serviceErrors { try await jobs.retry(id) }
        return try await job(id)
    }

    public func assets(kind: AssetKind?, limit: Int) async throws -> AssetList {
        guard (1...500).contains(limit) else { throw ServiceError.invalid(field: "limit", message: "limit must be between 1 and 500, got \(limit)") }
        return AssetList(assets: try await store.assets(kind: kind, limit: limit).map(view), limit: limit)
    }

    /// The asset with the URL the server serves it at.
    private func view(_ asset: AssetRecord) -> AssetView { AssetView(asset, url: MediaRoots.url(for: asset.path, settings: settings)) }

    private func serviceErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as JobStoreError {
            switch error {
            case .notFound: throw ServiceError.notFound(error.description)
            case .wrongState: throw ServiceError.conflict(error.description)
            }
        }
    }
}
