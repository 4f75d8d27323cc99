import Foundation
import Hummingbird
import TimmyCore
import TimmyCreative

/// Serves the media folders at `/media/<name>/…` (images, music, video, creative) and nothing
/// else: one file middleware per folder, each rooted at its absolute path, which answers Range
/// requests for seeking, refuses `..`, and sets content types from extensions.
enum MediaFiles {
    static func add<Context: RequestContext>(to router: Router<Context>, settings: Settings) {
        for root in MediaRoots.all(settings) {
            try? FileManager.default.createDirectory(at: root.directory, withIntermediateDirectories: true)
            router.add(
                middleware: FileMiddleware<Context, LocalFileSystem>(root.directory.path, urlBasePath: "/media/\(root.name)")
                    .withAdditionalMediaTypes(forFileExtensions: ["wav": MediaType(type: .audio, subType: "wav"), "mid": .audioMidi]))
        }
    }
}
