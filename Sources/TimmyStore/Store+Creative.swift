import Foundation
import GRDB
import TimmyCore

extension Store {
    public func job(_ id: String) async throws -> JobRecord? {
        try await read { db in try JobRecord.fetchOne(db, key: id) }
    }

    /// Jobs, newest first, optionally of one status.
    public func jobs(status: JobStatus? = nil, limit: Int = 50, offset: Int = 0) async throws -> [JobRecord] {
        try await read { db in
            var request = JobRecord.all()
            if let status { request = request.filter(JobRecord.Columns.status == status.rawValue) }
            return try request.order(JobRecord.Columns.createdAt.desc, Column.rowID.desc).limit(limit, offset: offset).fetchAll(db)
        }
    }

    /// Queued jobs of one backend, oldest first: the order they run in.
    public func queuedJobs(backend: String, limit: Int) async throws -> [JobRecord] {
        try await read { db in
            try JobRecord.filter(JobRecord.Columns.status == JobStatus.queued.rawValue && JobRecord.Columns.backend == backend)
                .order(JobRecord.Columns.createdAt, Column.rowID).limit(limit).fetchAll(db)
        }
    }

    /// How many jobs are in each status (every status listed, zero included).
    public func jobCounts() async throws -> [JobStatus: Int] {
        try await read { db in
            var counts = Dictionary(uniqueKeysWithValues: JobStatus.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM jobs GROUP BY status") {
                if let status = JobStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    /// Assets, newest first, optionally of one kind.
    public func assets(kind: AssetKind? = nil, limit: Int = 50, offset: Int = 0) async throws -> [AssetRecord] {
        try await read { db in
            var request = AssetRecord.all()
            if let kind { request = request.filter(AssetRecord.Columns.kind == kind.rawValue) }
            return try request.order(AssetRecord.Columns.createdAt.desc, Column.rowID.desc).limit(limit, offset: offset).fetchAll(db)
        }
    }

    /// The assets a job produced, in the order it made them.
    public func assets(job id: String) async throws -> [AssetRecord] {
        try await read { db in try AssetRecord.filter(AssetRecord.Columns.jobId == id).order(Column.rowID).fetchAll(db) }
    }
}
