import GRDB

/// A record written often enough that its insert statement is prepared once per connection
/// and reused, instead of being built for every row.
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
