import Foundation
import TimmyCore
import TimmyFileTools

/// The checks of creative arguments that need more than the declaration: settings, a drawn seed,
/// catalogs and the data folders. Each refusal names the field.
package enum CreativeValidation {
    /// The given seed, or a fresh one.
    static func seed(_ given: Int?) -> Int { given ?? Int.random(in: CreativeFields.seedRange) }

    /// The given step count, or the `image_default_steps` setting.
    static func steps(_ given: Int?, settings: Settings) -> Int { given ?? settings[.imageDefaultSteps] }

    /// The given resolution, or the `video_default_resolution` setting, which must name one.
    static func resolution(_ given: String?, field: String, settings: Settings) throws(ToolError) -> VideoResolution {
        let name = given ?? settings[.videoDefaultResolution]
        guard let resolution = VideoResolution.named(name) else {
            throw .invalidArgument(name: field, reason: "must be one of \(VideoResolution.names.joined(separator: ", ")), got '\(name)'")
        }
        return resolution
    }

    /// A catalog genre the declaration already checked the name of.
    static func genre(_ name: String) throws(ToolError) -> Genre {
        guard let genre = Genre.named(name) else { throw .failed("no genre named '\(name)'") }
        return genre
    }

    /// A catalog language the declaration already checked the code of.
    static func language(_ code: String) throws(ToolError) -> SongLanguage {
        guard let language = SongLanguage.code(code) else { throw .failed("no language with code '\(code)'") }
        return language
    }

    /// An image to start from: an asset id (its file in `image_output_dir`), or a path that must
    /// lie inside one of the data folders. Anything else is refused before it is read.
    static func sourceImage(_ given: String, field: String, settings: Settings) throws(ToolError) -> (url: URL, assetID: String?) {
        try dataFile(given, field: field, kind: "image", assets: settings.imageOutputDirectory, fileExtension: "png", settings: settings)
    }

    /// A media file a tool reads: an asset id (its `{id}.{fileExtension}` in the `assets` folder), or
    /// a path that must lie inside one of the data folders. Anything else is refused before it is read.
    package static func dataFile(
        _ given: String, field: String, kind: String, assets: URL, fileExtension: String, settings: Settings
    ) throws(ToolError) -> (url: URL, assetID: String?) {
        let reference = given.trimmingCharacters(in: .whitespaces)
        if UUID(uuidString: reference) != nil {
            let file = assets.appendingPathComponent(reference.lowercased() + "." + fileExtension)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw .invalidArgument(name: field, reason: "names no \(kind) asset: \(file.path) does not exist")
            }
            return (file, reference.lowercased())
        }
        let candidate = reference.hasPrefix("/") ? URL(fileURLWithPath: reference) : settings.baseDirectory.appendingPathComponent(reference)
        let roots = settings.dataRoots.map { PathJail(root: $0) }
        guard let jail = roots.first(where: { (try? $0.resolve(candidate.path, argument: field)) != nil }),
            let file = try? jail.resolve(candidate.path, argument: field)
        else {
            let folders = settings.dataRoots.map(\.path).joined(separator: ", ")
            throw .invalidArgument(name: field, reason: "'\(reference)' is outside the data folders (\(folders)); \(kind)s are read only from there")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw .invalidArgument(name: field, reason: "'\(reference)' is not a file")
        }
        let name = file.deletingPathExtension().lastPathComponent
        let asset = UUID(uuidString: name) != nil && file.deletingLastPathComponent() == PathJail(root: assets).root ? name : nil
        return (file, asset)
    }
}
