/// Where a long-running tool reports how far it is: a fraction from 0 to 1 and a short message.
/// Reporting throws `CancellationError` when the call was cancelled meanwhile, so work stops at
/// its next report even when the cancellation came from another process.
public struct ToolProgress: Sendable {
    private let sink: @Sendable (Double, String) async throws -> Void

    public init(_ sink: @escaping @Sendable (_ fraction: Double, _ message: String) async throws -> Void) {
        self.sink = sink
    }

    /// A reporter that drops every report (calls nobody follows).
    public static let ignored = ToolProgress { _, _ in }

    /// Reports progress, clamped to 0…1; throws when the call was cancelled.
    public func callAsFunction(_ fraction: Double, _ message: String) async throws {
        try Task.checkCancellation()
        try await sink(min(1, max(0, fraction)), message)
    }

    /// A reporter for one stage of a larger job: its 0…1 maps onto `range` of this one.
    public func stage(_ range: ClosedRange<Double>) -> ToolProgress {
        ToolProgress { fraction, message in
            try await self(range.lowerBound + (range.upperBound - range.lowerBound) * fraction, message)
        }
    }
}
