import Foundation
import TimmyCore

/// Where a bench writes: the folder given with `--keep`, or a temporary one removed at the end, with
/// settings whose data folder is `data` inside it.
struct BenchFolder {
    let url: URL
    let settings: Settings
    private let kept: Bool

    init(keep: String?) throws {
        url =
            keep.map { URL(fileURLWithPath: $0).standardizedFileURL }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("timmy-bench-\(UUID().uuidString.prefix(8))")
        kept = keep != nil
        var settings = Settings(baseDirectory: url)
        try settings.set(.dataDir, text: url.appendingPathComponent("data").path, source: .flag("bench"))
        self.settings = settings
    }

    /// Removes the folder, or says where its files were kept.
    func finish() {
        if kept {
            print("files kept in \(url.path)/data")
        } else {
            try? FileManager.default.removeItem(at: url)
        }
    }
}
