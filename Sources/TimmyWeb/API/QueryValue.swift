import HTTPTypes
import TimmyCore

/// Query-string values, checked the same way for pages and the API: a bad one is a 422 naming it.
enum QueryValue {
    static func integer(_ text: String?, name: String) throws(APIError) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw APIError(.unprocessableContent, "\(name) must be an integer, got '\(text)'", field: name) }
        return value
    }

    static func status(_ text: String?) throws(APIError) -> TaskStatus? {
        guard let text, !text.isEmpty else { return nil }
        guard let status = TaskStatus(rawValue: text) else {
            throw APIError(
                .unprocessableContent, "unknown status '\(text)'; statuses: \(TaskStatus.allCases.map(\.rawValue).joined(separator: ", "))",
                field: "status")
        }
        return status
    }
}
