import HTTPTypes
import TimmyCore

/// Query-string values, checked the same way for pages and the API: a bad one is a 422 naming it.
enum QueryValue {
    /// A whole number; an empty value is refused like any other that is not one.
    static func integer(_ text: String?, name: String) throws(APIError) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else { throw APIError(.unprocessableContent, "\(name) must be an integer, got '\(text)'", field: name) }
        return value
    }

    static func status(_ text: String?) throws(APIError) -> TaskStatus? { try choice(text, name: "status", plural: "statuses") }

    /// One of an enumeration's raw values, e.g. a job status or an asset kind; a wrong one, the empty one
    /// included, is refused with the list (pages pass a filter left at "all" as absent, with `nonEmpty`).
    static func choice<Value: RawRepresentable & CaseIterable>(_ text: String?, name: String, plural: String) throws(APIError) -> Value?
    where Value.RawValue == String {
        guard let text else { return nil }
        guard let value = Value(rawValue: text) else {
            throw APIError(
                .unprocessableContent, "unknown \(name) '\(text)'; \(plural): \(Value.allCases.map(\.rawValue).joined(separator: ", "))",
                field: name)
        }
        return value
    }
}

extension String? {
    /// nil for an empty query or form field: a filter left at "all".
    var nonEmpty: String? { self?.isEmpty == false ? self : nil }
}
