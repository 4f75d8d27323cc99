import Foundation
import TimmyCreativeBackend

/// RIFF WAVE reading (16-bit PCM mono or stereo, as espeak-ng writes) and writing (16-bit PCM stereo).
enum WAVFile {
    /// The samples of a 16-bit PCM file as mono floats, and its sample rate.
    static func readMono(_ url: URL) throws -> (samples: [Float], sampleRate: Int) {
        let data = try Data(contentsOf: url)
        guard data.count >= 12, data.prefix(4) == Data("RIFF".utf8), data[8..<12] == Data("WAVE".utf8) else {
            throw CreativeError.renderFailed("\(url.lastPathComponent) is not a WAV file")
        }
        var offset = 12
        var channels = 1
        var sampleRate = 22050
        var bits = 16
        while offset + 8 <= data.count {
            let id = String(decoding: data[offset..<(offset + 4)], as: UTF8.self)
            var size = Int(read32(data, offset + 4))
            if id == "data" {
                guard bits == 16 else { throw CreativeError.renderFailed("\(url.lastPathComponent) is \(bits)-bit; 16-bit PCM expected") }
                size = min(size, data.count - offset - 8)
                let count = size / 2 / channels
                var samples = [Float](repeating: 0, count: count)
                data.withUnsafeBytes { raw in
                    for index in 0..<count {
                        var sum: Float = 0
                        for channel in 0..<channels {
                            let value = Int16(
                                littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8 + (index * channels + channel) * 2, as: Int16.self))
                            sum += Float(value) / 32768
                        }
                        samples[index] = sum / Float(channels)
                    }
                }
                return (samples, sampleRate)
            }
            if id == "fmt " {
                channels = Int(read16(data, offset + 10))
                sampleRate = Int(read32(data, offset + 12))
                bits = Int(read16(data, offset + 22))
            }
            offset += 8 + size + (size & 1)
        }
        throw CreativeError.renderFailed("\(url.lastPathComponent) has no audio data")
    }

    /// 16-bit PCM stereo at 44.1 kHz.
    static func write(_ buffer: AudioBuffer, to url: URL) throws {
        let frames = buffer.frames
        var bytes = [UInt8]()
        bytes.reserveCapacity(44 + frames * 4)
        func append32(_ value: Int) {
            bytes += [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24 & 0xff)]
        }
        func append16(_ value: Int) { bytes += [UInt8(value & 0xff), UInt8(value >> 8 & 0xff)] }
        bytes += Array("RIFF".utf8)
        append32(36 + frames * 4)
        bytes += Array("WAVEfmt ".utf8)
        append32(16)
        append16(1)
        append16(2)
        append32(AudioBuffer.sampleRate)
        append32(AudioBuffer.sampleRate * 4)
        append16(4)
        append16(16)
        bytes += Array("data".utf8)
        append32(frames * 4)
        for index in 0..<frames {
            for value in [buffer.left[index], buffer.right[index]] {
                let sample = Int16(max(-32767, min(32767, (value * 32767).rounded())))
                let bits = UInt16(bitPattern: sample)
                bytes.append(UInt8(bits & 0xff))
                bytes.append(UInt8(bits >> 8))
            }
        }
        try Data(bytes).write(to: url)
    }

    private static func read32(_ data: Data, _ offset: Int) -> UInt32 {
        data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    }

    private static func read16(_ data: Data, _ offset: Int) -> UInt16 {
        data.withUnsafeBytes { UInt16(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) }
    }
}
