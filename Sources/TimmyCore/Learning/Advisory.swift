/// A piece of advice derived only from recorded data; every number in `text` is in `figures`.
public struct Advisory: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case streak, latency, comparison
        case bidSpread = "bid_spread"
        case predictionAccuracy = "prediction_accuracy"
        case pattern
    }

    public let kind: Kind
    public let subject: String
    public let text: String
    /// The computed values the text quotes.
    public let figures: [String: Double]
    /// How many records the advice rests on.
    public let sampleSize: Int

    public init(kind: Kind, subject: String, text: String, figures: [String: Double], sampleSize: Int) {
        self.kind = kind
        self.subject = subject
        self.text = text
        self.figures = figures
        self.sampleSize = sampleSize
    }
}
