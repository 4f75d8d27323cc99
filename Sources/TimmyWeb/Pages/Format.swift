import Foundation
import TimmyCore
import TimmySpark

/// How the dashboard writes times, durations, rates and sats.
enum Format {
    private static let clock = Date.VerbatimFormatStyle(
        format: "\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
        timeZone: .current,
        calendar: Calendar(identifier: .gregorian)
    )
    private static let day = Date.VerbatimFormatStyle(
        format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits)",
        timeZone: .current,
        calendar: Calendar(identifier: .gregorian)
    )

    /// "14:03:27", in the server's time zone.
    static func time(_ date: Date) -> String { date.formatted(clock) }

    /// "2025-11-25 14:03:27".
    static func dateTime(_ date: Date) -> String { "\(date.formatted(day)) \(date.formatted(clock))" }

    /// ISO 8601, for `<time datetime>`.
    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    static func milliseconds(_ value: Double) -> String { Statistics.milliseconds(value) }

    /// "87%".
    static func percent(_ rate: Double) -> String { "\(Int((rate * 100).rounded()))%" }

    static func sats(_ value: Int) -> String { value == 1 ? "1 sat" : "\(value) sats" }

    /// "×0.85".
    static func factor(_ value: Double) -> String { String(format: "×%.2f", value) }

    /// The first eight characters of a task id: enough to tell tasks apart on screen.
    static func shortID(_ id: String) -> String { String(id.prefix(8)) }

    /// A media length as a player shows it: "0:05", "2:00".
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }

    /// Seconds as a form or a timeline writes them: "4.61", "30", at most two decimals.
    static func seconds(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// "1024×768" pixels.
    static func size(width: Int, height: Int) -> String { "\(width)×\(height)" }

    /// A task's page.
    static func taskPath(_ id: String) -> String { "/tasks/\(id)" }

    /// A job's row on the Jobs page (`path`, `/jobs` unless a filtered view of it).
    static func jobRow(_ id: String, on path: String = "/jobs") -> String { "\(path)#job-\(id)" }

    /// A persona's display name, or the id itself when it is not in the catalog.
    static func name(of agent: String) -> String { PersonaCatalog.persona(agent)?.name ?? agent }

    /// Text cut to `limit` characters, with an ellipsis when cut.
    static func clip(_ text: String, _ limit: Int) -> String { text.count <= limit ? text : text.prefix(limit - 1) + "…" }
}
