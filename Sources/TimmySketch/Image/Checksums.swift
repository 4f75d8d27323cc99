/// The two checksums PNG needs: CRC-32 over each chunk and Adler-32 over the zlib stream.
enum Checksums {
    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xedb8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func crc32(_ bytes: some Sequence<UInt8>, start: UInt32 = 0) -> UInt32 {
        var crc = ~start
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
        return ~crc
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var index = 0
        bytes.withUnsafeBufferPointer { buffer in
            while index < buffer.count {
                // 5552 bytes is the most that can be summed before the 32-bit sums must be reduced.
                let end = min(buffer.count, index + 5552)
                while index < end {
                    a &+= UInt32(buffer[index])
                    b &+= a
                    index += 1
                }
                a %= 65521
                b %= 65521
            }
        }
        return b << 16 | a
    }
}
