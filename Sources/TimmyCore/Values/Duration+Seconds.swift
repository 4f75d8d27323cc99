extension Duration {
    /// The duration in seconds, fractions kept: what timings, sidecars and reports record.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

    /// The duration in milliseconds, fractions kept.
    public var milliseconds: Double { seconds * 1000 }
}
