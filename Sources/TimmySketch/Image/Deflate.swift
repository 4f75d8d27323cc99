/// A small zlib compressor: LZ77 matching with a hash chain, coded in one block with the fixed
/// Huffman codes of RFC 1951. Enough to shrink flat illustrations tenfold, fast and byte-for-byte
/// repeatable (Foundation on Linux has no compression API).
enum Deflate {
    private static let windowSize = 32768
    private static let minMatch = 3
    private static let maxMatch = 258
    private static let maxProbes = 12

    /// A complete zlib stream (header, one final fixed-Huffman block, Adler-32).
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.bytes = [0x78, 0x01]
        writer.write(1, bits: 1)  // final block
        writer.write(1, bits: 2)  // fixed Huffman codes
        encode(data, into: &writer)
        writer.writeLiteralOrLength(256)
        writer.flush()
        let adler = Checksums.adler32(data)
        writer.bytes += [UInt8(adler >> 24), UInt8(adler >> 16 & 0xff), UInt8(adler >> 8 & 0xff), UInt8(adler & 0xff)]
        return writer.bytes
    }

    private static func encode(_ data: [UInt8], into writer: inout BitWriter) {
        let count = data.count
        var head = [Int32](repeating: -1, count: 1 << 15)
        var previous = [Int32](repeating: -1, count: windowSize)
        data.withUnsafeBufferPointer { input in
            @inline(__always) func hash(_ at: Int) -> Int {
                (Int(input[at]) << 10 ^ Int(input[at + 1]) << 5 ^ Int(input[at + 2])) & 0x7fff
            }
            @inline(__always) func insert(_ at: Int) {
                guard at + 2 < count else { return }
                let key = hash(at)
                previous[at & (windowSize - 1)] = head[key]
                head[key] = Int32(at)
            }
            var position = 0
            while position < count {
                var bestLength = 0
                var bestDistance = 0
                if position + minMatch <= count {
                    var candidate = Int(head[hash(position)])
                    var probes = 0
                    let limit = min(maxMatch, count - position)
                    while candidate >= 0, position - candidate <= windowSize, probes < maxProbes {
                        if input[candidate + bestLength] == input[position + bestLength] || bestLength == 0 {
                            var length = 0
                            while length < limit, input[candidate + length] == input[position + length] { length += 1 }
                            if length > bestLength {
                                bestLength = length
                                bestDistance = position - candidate
                                if length == limit { break }
                            }
                        }
                        let next = Int(previous[candidate & (windowSize - 1)])
                        if next >= candidate { break }
                        candidate = next
                        probes += 1
                    }
                }
                if bestLength >= minMatch {
                    writer.writeMatch(length: bestLength, distance: bestDistance)
                    // Index only the start of long runs: flat colour gives long matches, and hashing
                    // every byte of them would cost more than it finds.
                    for offset in 0..<min(bestLength, 16) { insert(position + offset) }
                    position += bestLength
                } else {
                    writer.writeLiteralOrLength(Int(input[position]))
                    insert(position)
                    position += 1
                }
            }
        }
    }
}

/// Bits packed least-significant first, with the fixed Huffman codes of RFC 1951 §3.2.6.
private struct BitWriter {
    var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var filled = 0

    mutating func write(_ value: Int, bits: Int) {
        buffer |= UInt64(value) << UInt64(filled)
        filled += bits
        while filled >= 8 {
            bytes.append(UInt8(buffer & 0xff))
            buffer >>= 8
            filled -= 8
        }
    }

    /// Huffman codes are sent most-significant bit first.
    mutating func writeCode(_ code: Int, bits: Int) {
        var reversed = 0
        for bit in 0..<bits where code & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
        write(reversed, bits: bits)
    }

    mutating func writeLiteralOrLength(_ symbol: Int) {
        switch symbol {
        case 0...143: writeCode(0x30 + symbol, bits: 8)
        case 144...255: writeCode(0x190 + symbol - 144, bits: 9)
        case 256...279: writeCode(symbol - 256, bits: 7)
        default: writeCode(0xc0 + symbol - 280, bits: 8)
        }
    }

    mutating func writeMatch(length: Int, distance: Int) {
        let lengthIndex = Self.lengthBases.lastIndex { $0 <= length }!
        writeLiteralOrLength(257 + lengthIndex)
        let lengthExtra = Self.lengthExtraBits[lengthIndex]
        if lengthExtra > 0 { write(length - Self.lengthBases[lengthIndex], bits: lengthExtra) }
        let distanceIndex = Self.distanceBases.lastIndex { $0 <= distance }!
        writeCode(distanceIndex, bits: 5)
        let distanceExtra = Self.distanceExtraBits[distanceIndex]
        if distanceExtra > 0 { write(distance - Self.distanceBases[distanceIndex], bits: distanceExtra) }
    }

    mutating func flush() {
        if filled > 0 { write(0, bits: 8 - filled) }
    }

    private static let lengthBases = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    private static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBases = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
}
