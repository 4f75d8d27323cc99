import TimmyCore
import TimmyStore

extension TaskList {
    /// The list as JSON text, byte for byte what `JSONCoding.encoder()` writes, at a fraction of the cost:
    /// `GET /api/tasks` is the most polled endpoint.
    public var jsonText: String {
        var json = JSONTextWriter(capacity: 256 + 400 * tasks.count)
        json.beginObject()
        json.key("counts")
        json.value(.object(counts.mapValues(JSONValue.int)))
        json.key("limit")
        json.int(limit)
        json.key("offset")
        json.int(offset)
        json.key("tasks")
        json.beginArray()
        for task in tasks {
            json.element()
            task.write(to: &json)
        }
        json.endArray()
        json.endObject()
        return json.text
    }
}
