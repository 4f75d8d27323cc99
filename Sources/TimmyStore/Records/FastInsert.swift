import GRDB

/// A record written often enough that its insert statement is prepared once per connection
/// and reused, instead of being built for every row.
// Kept by hand over GRDB's Codable inserts (which fetch and decode through Codable like every other
// record): `timmy-bench swarm`, 4000 tasks, one run on this machine, gave 406 tasks/s in memory and
// 234 durable with these inserts against 251 and 176 with Codable inserts (1.6× and 1.3×). Each task
// writes about 13 events and 9 bids, and Codable encodes every JSON column with a new JSONEncoder.
protocol FastInsertable {
    /// `INSERT INTO … VALUES (?, …)` without the id column.
    static var insertSQL: String { get }
    var insertArguments: StatementArguments { get }
}

extension FastInsertable {
    /// Inserts the row through the connection's cached statement and returns its new row id.
    func insertCached(_ db: Database) throws -> Int64 {
        let statement = try db.cachedStatement(sql: Self.insertSQL)
        try statement.execute(arguments: insertArguments)
        return db.lastInsertedRowID
    }
}

/// A fast-inserted record with an auto-incremented id.
protocol IdentifiedFastInsertable: FastInsertable {
    var id: Int64? { get set }
}

extension IdentifiedFastInsertable {
    /// Inserts through the cached statement and sets `id`.
    mutating func insertCached(into db: Database) throws { id = try insertCached(db) }
}
