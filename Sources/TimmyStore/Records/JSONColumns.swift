import GRDB
import TimmyCore

// The records with JSON columns that pages and the swarm read in bulk (tasks, events, tool calls)
// map their rows by hand and parse that JSON with `JSONValue.parse`. Through Codable, GRDB's row
// decoder runs Foundation's JSONDecoder on each JSON column of each row, and that alone made the
// dashboard's `GET /` take twice as long: `timmy-bench http`, one run against a build of the Codable
// reads, gave 264 against 123 req/s for `GET /` and 1305 against 404 for `GET /api/tasks` while
// tasks are posted.
extension Row {
    /// The JSON object stored as text in `column`; empty when the column is NULL or holds no object.
    func jsonObject(_ column: String) -> [String: JSONValue] {
        guard case .object(let object)? = json(column) else { return [:] }
        return object
    }

    /// The JSON value stored as text in `column`; nil when the column is NULL or not JSON.
    func json(_ column: String) -> JSONValue? {
        guard let text: String = self[column] else { return nil }
        return JSONValue.parse(text)
    }
}
