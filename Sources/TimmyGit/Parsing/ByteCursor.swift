/// Walks git's machine output, which separates records and fields with NUL and other control bytes.
struct ByteCursor {
    private(set) var rest: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { rest = bytes }

    init(_ bytes: [UInt8]) { rest = bytes[...] }

    var isAtEnd: Bool { rest.isEmpty }

    /// The bytes before the next `terminator`, consuming it; the remainder when no terminator is left; nil at the end.
    mutating func next(until terminator: UInt8 = 0) -> ArraySlice<UInt8>? {
        guard !rest.isEmpty else { return nil }
        guard let end = rest.firstIndex(of: terminator) else {
            defer { rest = rest[rest.endIndex...] }
            return rest
        }
        defer { rest = rest[rest.index(after: end)...] }
        return rest[..<end]
    }
}

extension Collection<UInt8> {
    /// The bytes as UTF-8 text; invalid sequences become U+FFFD.
    var text: String { String(decoding: self, as: UTF8.self) }

    /// The pieces between `separator` bytes, empty ones kept.
    func fields(_ separator: UInt8) -> [SubSequence] { split(separator: separator, omittingEmptySubsequences: false) }
}

/// The control bytes git's format strings use here.
enum Separator {
    static let nul: UInt8 = 0
    static let record: UInt8 = 0x1E
    static let field: UInt8 = 0x1F
    static let newline: UInt8 = 0x0A
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
}
