import Foundation
import TimmyCore

/// The media folders the server publishes under `/media/<name>/`, and the URL of a file in them.
public enum MediaRoots {
    /// Each URL folder name with the directory it serves.
    public static func all(_ settings: Settings) -> [(name: String, directory: URL)] {
        [
            ("images", settings.imageOutputDirectory), ("music", settings.musicOutputDirectory), ("video", settings.videoOutputDirectory),
            ("creative", settings.creativeOutputDirectory),
        ]
    }

    /// `/media/<name>/<relative path>` for a file inside one of the folders, else nil.
    public static func url(for path: String, settings: Settings) -> String? {
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        for root in all(settings) {
            let prefix = root.directory.standardizedFileURL.path + "/"
            if file.hasPrefix(prefix) {
                let relative = String(file.dropFirst(prefix.count))
                let encoded = relative.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }
                return "/media/\(root.name)/" + encoded.joined(separator: "/")
            }
        }
        return nil
    }
}
