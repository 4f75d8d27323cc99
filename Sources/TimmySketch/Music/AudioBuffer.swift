import Foundation

/// Stereo audio in floats at 44.1 kHz: what the sketch renders, mixes, levels and writes.
struct AudioBuffer: Sendable {
    static let sampleRate = 44100

    var left: [Float]
    var right: [Float]

    init(frames: Int) {
        left = [Float](repeating: 0, count: frames)
        right = [Float](repeating: 0, count: frames)
    }

    /// From interleaved little-endian 32-bit float stereo (FluidSynth's raw output).
    init(interleavedFloat data: Data) {
        let frames = data.count / 8
        self.init(frames: frames)
        data.withUnsafeBytes { raw in
            for frame in 0..<frames {
                left[frame] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: frame * 8, as: UInt32.self)))
                right[frame] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: frame * 8 + 4, as: UInt32.self)))
            }
        }
    }

    var frames: Int { left.count }

    /// Adds a mono signal starting at `frame`, `gain` loud, spread to both sides.
    mutating func add(_ mono: [Float], at frame: Int, gain: Float) {
        for (index, sample) in mono.enumerated() {
            let target = frame + index
            guard target >= 0 else { continue }
            guard target < frames else { break }
            left[target] += sample * gain
            right[target] += sample * gain
        }
    }

    /// Adds another buffer, sample by sample, scaled by `gain`.
    mutating func add(_ other: AudioBuffer, gain: Float) {
        for index in 0..<min(frames, other.frames) {
            left[index] += other.left[index] * gain
            right[index] += other.right[index] * gain
        }
    }

    /// Root mean square over both channels, ignoring silent stretches (so a sparse vocal stem is
    /// measured by its singing, not its rests).
    var activeRMS: Float {
        var sum: Double = 0
        var counted = 0
        let block = 2048
        for start in stride(from: 0, to: frames, by: block) {
            var blockSum: Double = 0
            let end = min(frames, start + block)
            for index in start..<end { blockSum += Double(left[index] * left[index] + right[index] * right[index]) }
            if blockSum / Double(2 * (end - start)) > 1e-7 {
                sum += blockSum
                counted += 2 * (end - start)
            }
        }
        return counted == 0 ? 0 : Float((sum / Double(counted)).squareRoot())
    }

    /// Scales to a loudness (RMS of the active signal), then rounds off peaks above the knee so
    /// nothing clips: a measured gain and a soft limiter.
    mutating func level(to target: Float, ceiling: Float = 0.97) {
        let rms = activeRMS
        guard rms > 0 else { return }
        let gain = target / rms
        let knee: Float = 0.7 * ceiling
        func limit(_ value: Float) -> Float {
            let magnitude = abs(value)
            guard magnitude > knee else { return value }
            let over = (magnitude - knee) / (ceiling - knee)
            return (knee + (ceiling - knee) * tanh(over)) * (value < 0 ? -1 : 1)
        }
        for index in 0..<frames {
            left[index] = limit(left[index] * gain)
            right[index] = limit(right[index] * gain)
        }
    }

    /// Exactly `count` frames: cut or padded with silence, faded in over 10 ms and out over `fadeOut` seconds.
    mutating func fit(frames count: Int, fadeOut: Double) {
        if frames > count {
            left.removeLast(frames - count)
            right.removeLast(frames - count)
        } else if frames < count {
            left += [Float](repeating: 0, count: count - frames)
            right += [Float](repeating: 0, count: count - frames)
        }
        let fadeIn = min(count, Self.sampleRate / 100)
        for index in 0..<fadeIn {
            let gain = Float(index) / Float(fadeIn)
            left[index] *= gain
            right[index] *= gain
        }
        let fadeFrames = min(count, Int(fadeOut * Double(Self.sampleRate)))
        for index in 0..<fadeFrames {
            let gain = Float(index) / Float(max(1, fadeFrames))
            left[count - 1 - index] *= gain
            right[count - 1 - index] *= gain
        }
    }
}
