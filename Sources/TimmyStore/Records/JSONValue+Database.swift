import Foundation
import GRDB
import TimmyCore

/// A JSON value is stored as its JSON text, so a column that may hold any JSON (a job's result)
/// reads back as that value rather than as a string.
extension JSONValue: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { JSONCoding.string(self).databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> JSONValue? {
        guard let text = String.fromDatabaseValue(dbValue) else { return nil }
        return try? JSONCoding.decoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
