import Foundation
import TimmyCore

/// A forge's answer: status, headers (names lowercased) and the JSON body.
struct ForgeResponse: Sendable {
    let status: Int
    let headers: [String: String]
    let json: JSONValue

    var succeeded: Bool { (200..<300).contains(status) }

    /// What the forge said went wrong: `message` (both APIs), with the `errors[].message` of a GitHub
    /// validation failure after it.
    var message: String {
        let details = (json["errors"]?.arrayValue ?? []).compactMap { $0["message"]?.stringValue ?? $0["code"]?.stringValue }
        let message = json["message"]?.stringValue ?? ""
        let text = ([message] + details).filter { !$0.isEmpty }.joined(separator: ": ")
        return text.isEmpty ? "HTTP \(status)" : text
    }

    /// The `rel="next"` target of the `Link` header, which both APIs use to page lists.
    var nextPage: URL? {
        guard let link = headers["link"] else { return nil }
        for part in link.split(separator: ",") {
            guard part.contains("rel=\"next\""), let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">"), open < close else {
                continue
            }
            return URL(string: String(part[part.index(after: open)..<close]))
        }
        return nil
    }

    /// Seconds the forge asks to wait before trying again: `Retry-After` (seconds or an HTTP date), else
    /// GitHub's `x-ratelimit-reset` when `x-ratelimit-remaining` is 0; nil when this is no rate limit.
    func retryAfter(now: Date) -> Int? {
        if let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Int(value) { return max(0, seconds) }
            if let date = Self.httpDate().date(from: value) { return max(0, Int(date.timeIntervalSince(now).rounded(.up))) }
        }
        if headers["x-ratelimit-remaining"] == "0", let reset = headers["x-ratelimit-reset"].flatMap(Double.init) {
            return max(0, Int((reset - now.timeIntervalSince1970).rounded(.up)))
        }
        return status == 429 ? 60 : nil
    }

    private static func httpDate() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter
    }
}
