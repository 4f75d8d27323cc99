import Foundation
import GRDB

/// The SQLite database: a WAL `DatabasePool` on disk, or an in-memory queue for benchmarks'
/// baselines. Migrations run when it opens.
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// Where the file lives, or nil in memory.
    public let path: String?

    /// Opens (creating if needed) `timmy.sqlite` in `directory`.
    public static func open(directory: URL) throws -> AppDatabase {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("timmy.sqlite").path
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: path, configuration: configuration)
        return try AppDatabase(writer: pool, path: path)
    }

    /// A private database in memory: same schema, no file.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(writer: DatabaseQueue(), path: nil)
    }

    private init(writer: any DatabaseWriter, path: String?) throws {
        self.writer = writer
        self.path = path
        try Migrations.migrator.migrate(writer)
    }
}
