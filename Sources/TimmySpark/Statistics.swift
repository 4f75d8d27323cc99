import Foundation

/// Small descriptive statistics over recorded durations.
public enum Statistics {
    /// The p-th percentile (0…100) by nearest rank, or nil for no samples.
    public static func percentile(_ values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    public static func median(_ values: [Double]) -> Double? { percentile(values, 50) }

    /// Formats milliseconds with sensible precision: "0.42 ms", "12.3 ms", "1840 ms".
    public static func milliseconds(_ value: Double) -> String {
        if value < 10 { return String(format: "%.2f ms", value) }
        if value < 100 { return String(format: "%.1f ms", value) }
        return String(format: "%.0f ms", value)
    }
}
