/// A Standard MIDI File (format 1) built from timed events, written byte for byte.
struct MIDIFile: Sendable {
    /// Ticks per quarter note.
    static let resolution = 480

    struct Event: Sendable {
        let tick: Int
        /// Order among events at the same tick: note-offs before note-ons, meta first.
        let priority: Int
        let bytes: [UInt8]
    }

    struct Track: Sendable {
        var name: String
        var events: [Event] = []

        init(name: String) { self.name = name }

        mutating func note(_ key: Int, at tick: Int, length: Int, velocity: Int, channel: Int) {
            guard (0...127).contains(key), length > 0 else { return }
            let velocity = UInt8(min(127, max(1, velocity)))
            events.append(Event(tick: tick, priority: 2, bytes: [0x90 | UInt8(channel), UInt8(key), velocity]))
            events.append(Event(tick: tick + length, priority: 1, bytes: [0x80 | UInt8(channel), UInt8(key), 0]))
        }

        mutating func program(_ program: Int, channel: Int, volume: Int, pan: Int, reverb: Int) {
            events.append(Event(tick: 0, priority: 0, bytes: [0xc0 | UInt8(channel), UInt8(program)]))
            for (controller, value) in [(7, volume), (10, pan), (91, reverb)] {
                events.append(Event(tick: 0, priority: 0, bytes: [0xb0 | UInt8(channel), UInt8(controller), UInt8(min(127, max(0, value)))]))
            }
        }

        /// A text meta event: a lyric syllable (0x05) or a section marker (0x06).
        mutating func meta(_ type: UInt8, _ text: String, at tick: Int) {
            let bytes = Array(text.utf8.prefix(120))
            events.append(Event(tick: tick, priority: 0, bytes: [0xff, type] + MIDIFile.variableLength(bytes.count) + bytes))
        }
    }

    var tracks: [Track]
    let tempo: Int

    /// The file's bytes: a tempo track, then each track with its events in time order.
    var bytes: [UInt8] {
        let microseconds = 60_000_000 / tempo
        var conductor = Track(name: "tempo")
        conductor.events.append(
            Event(
                tick: 0, priority: 0,
                bytes: [0xff, 0x51, 0x03, UInt8(microseconds >> 16 & 0xff), UInt8(microseconds >> 8 & 0xff), UInt8(microseconds & 0xff)]))
        conductor.events.append(Event(tick: 0, priority: 0, bytes: [0xff, 0x58, 0x04, 4, 2, 24, 8]))
        let all = [conductor] + tracks
        var output: [UInt8] = Array("MThd".utf8) + [0, 0, 0, 6, 0, 1] + Self.bigEndian16(all.count) + Self.bigEndian16(Self.resolution)
        for track in all { output += Self.chunk(track) }
        return output
    }

    private static func chunk(_ track: Track) -> [UInt8] {
        var body: [UInt8] = [0, 0xff, 0x03] + variableLength(track.name.utf8.count) + Array(track.name.utf8)
        var last = 0
        for event in track.events.sorted(by: { ($0.tick, $0.priority) < ($1.tick, $1.priority) }) {
            body += variableLength(event.tick - last) + event.bytes
            last = event.tick
        }
        body += [0, 0xff, 0x2f, 0]
        return Array("MTrk".utf8) + bigEndian32(body.count) + body
    }

    static func variableLength(_ value: Int) -> [UInt8] {
        var bytes = [UInt8(value & 0x7f)]
        var rest = value >> 7
        while rest > 0 {
            bytes.insert(UInt8(rest & 0x7f) | 0x80, at: 0)
            rest >>= 7
        }
        return bytes
    }

    private static func bigEndian16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xff), UInt8(value & 0xff)] }

    private static func bigEndian32(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
}
