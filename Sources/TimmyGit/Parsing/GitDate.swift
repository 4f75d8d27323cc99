/// Dates as `git log --format=%aI` writes them (`2024-05-01T14:03:00+02:00`), from the seconds and
/// `+hhmm` offset that `git blame --porcelain` gives. Done by hand: a date formatter per line costs
/// more than git's own work.
enum GitDate {
    static func iso(seconds: Int, zone: String) -> String {
        let digits = Int(zone.dropFirst()) ?? 0
        let negative = zone.hasPrefix("-")
        let local = seconds + (negative ? -1 : 1) * ((digits / 100) * 3600 + (digits % 100) * 60)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let time = local - days * 86_400
        let (year, month, day) = civil(days)
        var text = Array("0000-00-00T00:00:00+00:00".utf8)
        for (value, offset, width) in [
            (year, 0, 4), (month, 5, 2), (day, 8, 2), (time / 3600, 11, 2), (time / 60 % 60, 14, 2), (time % 60, 17, 2), (digits / 100, 20, 2),
            (digits % 100, 23, 2),
        ] {
            var rest = value
            for index in (offset..<offset + width).reversed() {
                text[index] = UInt8(48 + rest % 10)
                rest /= 10
            }
        }
        if negative { text[19] = UInt8(ascii: "-") }
        return String(decoding: text, as: UTF8.self)
    }

    /// Year, month and day of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * monthIndex + 2) / 5 + 1)
    }
}
