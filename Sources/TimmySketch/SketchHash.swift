/// Stateless random numbers for the sketch renderers: the same (seed, stream, index) always gives
/// the same value, so shapes can be evaluated anywhere along an unbounded landscape or timeline.
struct SketchHash: Sendable {
    let seed: UInt64

    init(seed: Int) { self.seed = UInt64(truncatingIfNeeded: seed) &* 0x9e37_79b9_7f4a_7c15 ^ 0x51_7cc1_b727_220a }

    /// A value in 0..<1 for a stream (one per kind of shape) and an index within it.
    func unit(_ stream: UInt64, _ index: Int) -> Float {
        var z = seed &+ stream &* 0xbf58_476d_1ce4_e5b9 &+ UInt64(bitPattern: Int64(index)) &* 0x94d0_49bb_1331_11eb
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        z ^= z >> 31
        return Float(z >> 40) / Float(1 << 24)
    }

    /// A value in `range` for a stream and index.
    func value(_ stream: UInt64, _ index: Int, in range: ClosedRange<Float>) -> Float {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit(stream, index)
    }

    /// A hash for a sub-part of the scene (one mountain range, one cloud bank).
    func child(_ stream: UInt64) -> SketchHash {
        SketchHash(raw: seed ^ (stream &* 0xd6e8_feb8_6659_fd93))
    }

    private init(raw: UInt64) { seed = raw }
}
