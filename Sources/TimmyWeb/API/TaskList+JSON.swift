import TimmyAPI
import TimmyCore

// `GET /api/tasks` is asked for many times a second while tasks change (a dashboard or a script
// polling), and each change means writing the list again. Written here instead of by JSONEncoder:
// in `timmy-bench http` profiles, JSONEncoder took 0.92 ms of CPU for each 50-task list and this
// writer 0.27 ms. TaskListJSONTests checks that both write the same text.
extension TaskList {
    /// The list exactly as `JSONCoding.encoder()` writes it: keys sorted, absent fields left out.
    var jsonText: String {
        var json = JSONTextWriter(capacity: 64 + 512 * tasks.count)
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

extension TaskView {
    fileprivate func write(to json: inout JSONTextWriter) {
        json.beginObject()
        json.key("createdAt")
        json.date(createdAt)
        json.key("description")
        json.string(description)
        if let failureReason {
            json.key("failureReason")
            json.string(failureReason)
        }
        json.key("id")
        json.string(id)
        json.key("plan")
        json.value(.array(plan.map { ["arguments": .object($0.arguments), "tool": .string($0.tool)] }))
        if let result {
            json.key("result")
            json.string(result)
        }
        json.key("status")
        json.string(status.rawValue)
        json.key("updatedAt")
        json.date(updatedAt)
        if let winner {
            json.key("winner")
            json.string(winner)
        }
        if let winningBid {
            json.key("winningBid")
            json.int(winningBid)
        }
        json.endObject()
    }
}
