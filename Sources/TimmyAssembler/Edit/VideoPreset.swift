import Foundation

/// A delivery frame: a height class (480p, 720p, 1080p) at an aspect (16:9, 9:16, 1:1). The name
/// is the height class, with `-9:16` or `-1:1` for the other aspects (`-16:9` is accepted too).
public struct VideoPreset: Sendable, Equatable {
    public let name: String
    public let width: Int
    public let height: Int

    /// Every preset, 16:9 first within each height class.
    public static let all: [VideoPreset] = [(480, 854), (720, 1280), (1080, 1920)].flatMap { short, long in
        [
            VideoPreset(name: "\(short)p", width: long, height: short), VideoPreset(name: "\(short)p-9:16", width: short, height: long),
            VideoPreset(name: "\(short)p-1:1", width: short, height: short),
        ]
    }

    /// The names `named` accepts, canonical ones only.
    public static var names: [String] { all.map(\.name) }

    /// The preset of a name, case-insensitive; `480p-16:9` is `480p`.
    public static func named(_ name: String) -> VideoPreset? {
        var key = name.trimmingCharacters(in: .whitespaces).lowercased()
        if key.hasSuffix("-16:9") { key.removeLast(5) }
        return all.first { $0.name == key }
    }

    /// The preset of exactly this size, else the 480p one of the source's orientation: landscape
    /// 16:9, portrait 9:16, about square 1:1.
    public static func matching(width: Int, height: Int) -> VideoPreset {
        if let exact = all.first(where: { $0.width == width && $0.height == height }) { return exact }
        let aspect = Double(width) / Double(max(1, height))
        let name = aspect > 1.2 ? "480p" : (aspect < 1 / 1.2 ? "480p-9:16" : "480p-1:1")
        return named(name) ?? all[0]
    }
}
