import Foundation
import GRDB
import TimmyCore

/// A JSON value is stored as its JSON text, so a column that may hold any JSON (a job's result)
/// reads back as that value rather than as a string. It is parsed by `JSONValue.parse`, for the
/// reason given in JSONColumns.swift.
extension JSONValue: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { jsonText.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> JSONValue? {
        String.fromDatabaseValue(dbValue).flatMap(JSONValue.parse)
    }
}
