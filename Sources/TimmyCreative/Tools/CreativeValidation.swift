import Foundation
import TimmyCore
import TimmyFileTools

/// The rules every creative tool applies before any work, each refusal naming the argument and
/// the allowed range.
enum CreativeValidation {
    static let maxTextLength = 20_000
    static let seedRange = 0...4_294_967_295

    /// Prompt or lyrics: present, not blank, at most 20,000 characters.
    static func text(_ arguments: ToolArguments, _ name: String) throws(ToolError) -> String {
        let text = try arguments.requiredString(name)
        try check(text, name)
        return text
    }

    /// An optional text argument under the same rules.
    static func optionalText(_ arguments: ToolArguments, _ name: String) throws(ToolError) -> String? {
        guard let text = arguments.string(name) else { return nil }
        try check(text, name)
        return text
    }

    private static func check(_ text: String, _ name: String) throws(ToolError) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .invalidArgument(name: name, reason: "must not be empty")
        }
        if text.count > maxTextLength {
            throw .invalidArgument(name: name, reason: "must be at most \(maxTextLength) characters, got \(text.count)")
        }
    }

    /// Width or height: a multiple of 16 from 256 to 2048.
    static func dimension(_ arguments: ToolArguments, _ name: String) throws(ToolError) -> Int {
        guard let value = arguments.int(name) else { throw .invalidArgument(name: name, reason: "is required") }
        guard (256...2048).contains(value), value % 16 == 0 else {
            throw .invalidArgument(name: name, reason: "must be a multiple of 16 between 256 and 2048, got \(value)")
        }
        return value
    }

    static func steps(_ arguments: ToolArguments, settings: Settings) throws(ToolError) -> Int {
        try arguments.int("steps", in: 1...100) ?? settings[.imageDefaultSteps]
    }

    /// The given seed, or a fresh one.
    static func seed(_ arguments: ToolArguments) throws(ToolError) -> Int {
        try arguments.int("seed", in: seedRange) ?? Int.random(in: seedRange)
    }

    /// A number of seconds within a range.
    static func duration(_ arguments: ToolArguments, in range: ClosedRange<Double>) throws(ToolError) -> Double {
        guard let value = arguments.double("duration") else { throw .invalidArgument(name: "duration", reason: "is required") }
        guard range.contains(value) else {
            // Whole seconds as people write them: "got 700", not "got 700.0".
            let given = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
            throw .invalidArgument(
                name: "duration",
                reason: "must be between \(Int(range.lowerBound)) and \(Int(range.upperBound)) seconds, got \(given)"
            )
        }
        return value
    }

    static func fps(_ arguments: ToolArguments) throws(ToolError) -> Int { try arguments.int("fps", in: 8...60) ?? 24 }

    static func resolution(_ arguments: ToolArguments, settings: Settings) throws(ToolError) -> VideoResolution {
        let name = arguments.string("resolution") ?? settings[.videoDefaultResolution]
        guard let resolution = VideoResolution.named(name) else {
            throw .invalidArgument(name: "resolution", reason: "must be one of \(VideoResolution.names.joined(separator: ", ")), got '\(name)'")
        }
        return resolution
    }

    /// An image to start from: an asset id (its file in `image_output_dir`), or a path that must
    /// lie inside one of the data folders. Anything else is refused before it is read.
    static func sourceImage(_ arguments: ToolArguments, settings: Settings) throws(ToolError) -> (url: URL, assetID: String?) {
        let reference = try arguments.requiredString("image").trimmingCharacters(in: .whitespaces)
        if UUID(uuidString: reference) != nil {
            let file = settings.imageOutputDirectory.appendingPathComponent(reference.lowercased() + ".png")
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw .invalidArgument(name: "image", reason: "names no image asset: \(file.path) does not exist")
            }
            return (file, reference.lowercased())
        }
        let candidate = reference.hasPrefix("/") ? URL(fileURLWithPath: reference) : settings.baseDirectory.appendingPathComponent(reference)
        let roots = settings.dataRoots.map { PathJail(root: $0) }
        guard let jail = roots.first(where: { (try? $0.resolve(candidate.path, argument: "image")) != nil }),
            let file = try? jail.resolve(candidate.path, argument: "image")
        else {
            let folders = settings.dataRoots.map(\.path).joined(separator: ", ")
            throw .invalidArgument(name: "image", reason: "'\(reference)' is outside the data folders (\(folders)); images are read only from there")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw .invalidArgument(name: "image", reason: "'\(reference)' is not a file")
        }
        let name = file.deletingPathExtension().lastPathComponent
        let asset =
            UUID(uuidString: name) != nil && file.deletingLastPathComponent() == PathJail(root: settings.imageOutputDirectory).root ? name : nil
        return (file, asset)
    }
}
