/// A time of the film as subtitle formats write it: whole hours, minutes and seconds, and the rest
/// in `perSecond` units (100 for ASS's centiseconds, 1000 for SRT's milliseconds), rounded, never negative.
struct ClockTime {
    let hours: Int
    let minutes: Int
    let seconds: Int
    let fraction: Int

    init(_ time: Double, perSecond: Int) {
        let units = Int((max(0, time) * Double(perSecond)).rounded())
        let (whole, fraction) = units.quotientAndRemainder(dividingBy: perSecond)
        hours = whole / 3600
        minutes = whole / 60 % 60
        seconds = whole % 60
        self.fraction = fraction
    }

    /// `value` in decimal, zero-padded to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
