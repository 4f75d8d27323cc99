import TimmyCore

extension TaskRecord {
    /// Writes the record exactly as `JSONCoding.encoder()` encodes it (keys sorted, absent fields left out),
    /// for task lists served many times a second.
    public func write(to json: inout JSONTextWriter) {
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
        json.value(.array(plan.map(\.jsonValue)))
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
