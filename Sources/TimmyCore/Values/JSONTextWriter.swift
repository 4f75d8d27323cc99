import Foundation

/// Writes compact JSON text directly, exactly as `JSONCoding.encoder()` would (keys in the order given,
/// which callers keep sorted; dates as ISO 8601 in UTC, whole seconds; slashes unescaped). For rows and
/// responses written so often that `JSONEncoder` shows in profiles.
public struct JSONTextWriter {
    public private(set) var text = ""
    /// For each open object or array, whether it already holds a member (so the next needs a comma).
    private var filled: [Bool] = []

    public init(capacity: Int = 256) {
        text.reserveCapacity(capacity)
    }

    public mutating func beginObject() {
        text += "{"
        filled.append(false)
    }

    public mutating func endObject() {
        filled.removeLast()
        text += "}"
    }

    public mutating func beginArray() {
        text += "["
        filled.append(false)
    }

    public mutating func endArray() {
        filled.removeLast()
        text += "]"
    }

    /// Starts an object member: the comma when needed, then `"name":`.
    public mutating func key(_ name: String) {
        separate()
        string(name)
        text += ":"
    }

    /// Starts an array element: the comma when needed.
    public mutating func element() { separate() }

    private mutating func separate() {
        if filled.last == true { text += "," }
        if !filled.isEmpty { filled[filled.count - 1] = true }
    }

    public mutating func int(_ value: Int) { text += String(value) }

    public mutating func bool(_ value: Bool) { text += value ? "true" : "false" }

    public mutating func null() { text += "null" }

    public mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        text += value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A string, escaped: runs of plain text are copied whole, only quotes, backslashes and control
    /// characters are written one by one.
    public mutating func string(_ value: String) {
        text += "\""
        let utf8 = value.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                text += value[start..<index]
                switch byte {
                case 0x22: text += "\\\""
                case 0x5C: text += "\\\\"
                case 0x0A: text += "\\n"
                case 0x0D: text += "\\r"
                case 0x09: text += "\\t"
                default: text += String(format: "\\u%04x", byte)
                }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        text += value[start...]
        text += "\""
    }

    /// `"2025-11-25T14:03:27Z"`: the date in UTC, fractions of a second dropped.
    public mutating func date(_ value: Date) {
        let seconds = Int(value.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = seconds - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        var bytes = Array(#""0000-00-00T00:00:00Z""#.utf8)
        for (number, last, width) in [(year, 4, 4), (month, 7, 2), (day, 10, 2), (time / 3600, 13, 2), (time / 60 % 60, 16, 2), (time % 60, 19, 2)] {
            var rest = number
            for position in stride(from: last, to: last - width, by: -1) {
                bytes[position] = UInt8(48 + rest % 10)
                rest /= 10
            }
        }
        text += String(decoding: bytes, as: UTF8.self)
    }

    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let value): bool(value)
        case .int(let value): int(value)
        case .double(let value): double(value)
        case .string(let value): string(value)
        case .array(let values):
            beginArray()
            for value in values {
                element()
                self.value(value)
            }
            endArray()
        case .object(let object):
            beginObject()
            for name in object.keys.sorted() {
                key(name)
                self.value(object[name] ?? .null)
            }
            endObject()
        }
    }

    /// Year, month and day of the proleptic Gregorian calendar for days since 1970-01-01
    /// (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
